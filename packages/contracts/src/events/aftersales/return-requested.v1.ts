import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { decidingRuleSchema } from '../shared/rule.js';
import { returnPostagePayers } from './claim-terms.js';

/**
 * A customer asked to send a delivered line back for preference and the
 * order's policy accepted it (within its window): the quote it will refund
 * if the item comes back as the policy asks, and who pays the postage back.
 * Notifications can tell the customer what to do next; ReturnReceived
 * follows once staff inspect the item. The customer's own reason is left
 * out: it is their free text, kept in after-sales.
 */
export const returnRequestedV1 = {
  type: 'aftersales.return.requested',
  version: 1,
  topic: topics.aftersalesClaim,
  schema: z.object({
    returnId: z.uuid(),
    orderId: z.uuid(),
    customerId: z.uuid(),
    productId: z.uuid(),
    /** What it refunds on arrival in the required condition: the price less the restocking fee, plus `shippingRefund`. */
    quotedRefund: moneySchema,
    restockingFee: moneySchema,
    /** The line's share of the order's shipping included in `quotedRefund` (zero where the policy does not refund shipping). */
    shippingRefund: moneySchema,
    returnPostage: z.enum(returnPostagePayers),
    /** The policy's return rule it was accepted under (window, condition, fee). */
    rule: decidingRuleSchema,
    requestedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
