import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { decidingRuleSchema } from '../shared/rule.js';

/** A change to the product (spec change) opened a time-boxed right to cancel an open order with the refund stated. */
export const cancellationOfferedV1 = {
  type: 'orders.order.cancellation-offered',
  version: 1,
  topic: topics.ordersOrder,
  schema: z.object({
    orderId: z.uuid(),
    customerId: z.uuid(),
    productId: z.uuid(),
    reason: z.enum(['SPEC_CHANGE', 'RELEASE_DATE_CHANGE']),
    closesAt: z.iso.datetime({ offset: true }),
    refund: moneySchema,
    rule: decidingRuleSchema,
  }),
} as const;
