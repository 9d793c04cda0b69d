import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { decidingRuleSchema } from '../shared/rule.js';

/**
 * An item returned for preference arrived and staff inspected it: payments
 * refunds `refund` (reason RETURN, from the order's revenue; zero when it did
 * not come back as the policy asks). The restocking fee stays earned.
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
    receivedBy: z.uuid(),
    receivedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
