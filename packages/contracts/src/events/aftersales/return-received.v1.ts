import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { decidingRuleSchema } from '../shared/rule.js';

/**
 * An item returned for preference arrived and staff inspected it: payments
 * refunds `refund` (reason RETURN, from the order's revenue; zero when it did
 * not come back as the policy asks). The restocking fee stays earned.
 * Also sent when the item of a claim resolved by RETURN comes back: then
 * `claimId` names the claim, `returnId` is the claim's id too, and there is
 * no restocking fee (the claim's offer said what it refunds).
 */
export const returnReceivedV1 = {
  type: 'aftersales.return.received',
  version: 1,
  topic: topics.aftersalesClaim,
  schema: z.object({
    returnId: z.uuid(),
    orderId: z.uuid(),
    customerId: z.uuid(),
    productId: z.uuid(),
    condition: z.enum(['PERFECT_UNUSED', 'USED_OR_DAMAGED']),
    accepted: z.boolean(),
    refund: moneySchema,
    restockingFee: moneySchema,
    rule: decidingRuleSchema,
    /** Part of `refund` that is the line's share of the order's shipping (policies that refund shipping); absent: none. */
    shippingRefund: moneySchema.optional(),
    /** A claim's return: the claim (added within v1; absent on a return for preference). */
    claimId: z.uuid().nullable().optional(),
    receivedBy: z.uuid(),
    receivedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
