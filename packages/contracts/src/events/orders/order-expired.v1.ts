import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { decidingRuleSchema } from '../shared/rule.js';

/** A due was left unpaid past its deadline: the order ended; payments keeps `kept` and refunds `refund`. */
export const orderExpiredV1 = {
  type: 'orders.order.expired',
  version: 1,
  topic: topics.ordersOrder,
  schema: z.object({
    orderId: z.uuid(),
    customerId: z.uuid(),
    kept: moneySchema,
    refund: moneySchema,
    rule: decidingRuleSchema,
    /** The store's policy counts it toward the customer's abuse record. */
    countsTowardAbuse: z.boolean(),
  }),
} as const;
