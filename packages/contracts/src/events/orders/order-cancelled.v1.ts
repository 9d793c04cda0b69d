import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { decidingRuleSchema } from '../shared/rule.js';

/** An order was cancelled under its policy's terms: payments keeps `fee` and refunds `refund` (both in the order's currency). */
export const orderCancelledV1 = {
  type: 'orders.order.cancelled',
  version: 1,
  topic: topics.ordersOrder,
  schema: z.object({
    orderId: z.uuid(),
    customerId: z.uuid(),
    by: z.enum(['CUSTOMER', 'STAFF', 'SYSTEM']),
    reason: z.string().max(500),
    /** Kept by the store (restocking fee, forfeited deposit, non-refundable down payment). */
    fee: moneySchema,
    refund: moneySchema,
    rule: decidingRuleSchema,
    /** Staff waived what the rule would have kept. */
    feesWaived: z.boolean(),
  }),
} as const;
