import { z } from 'zod';
import { topics } from '../../topics.js';
import { decidingRuleSchema } from '../shared/rule.js';

/** Staff refused a claim under a rule of the order's policy (an exclusion such as the art box, or a coverage rule). */
export const claimRefusedV1 = {
  type: 'aftersales.claim.refused',
  version: 1,
  topic: topics.aftersalesClaim,
  schema: z.object({
    claimId: z.uuid(),
    orderId: z.uuid(),
    customerId: z.uuid(),
    productId: z.uuid(),
    rule: decidingRuleSchema,
    refusedBy: z.uuid(),
    refusedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
