import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { decidingRuleSchema } from '../shared/rule.js';
import { claimResolutionKinds, returnPostagePayers } from './claim-terms.js';

/**
 * Staff graded a claim and offered the customer the resolutions the order's
 * policy allows for its kind, each with its amount; the customer picks one
 * (ClaimResolved follows). Nothing moves money yet.
 */
export const claimOfferedV1 = {
  type: 'aftersales.claim.offered',
  version: 1,
  topic: topics.aftersalesClaim,
  schema: z.object({
    claimId: z.uuid(),
    orderId: z.uuid(),
    customerId: z.uuid(),
    productId: z.uuid(),
    /** In the policy's order of preference (001: a replacement part first). */
    offers: z.array(
      z.object({
        resolution: z.enum(claimResolutionKinds),
        /** PARTIAL_REFUND, KEEP_WITH_DISCOUNT: what the customer would get back (capped by what the line has left). */
        refund: moneySchema.nullable(),
        /** RETURN: who pays the postage. */
        returnPostage: z.enum(returnPostagePayers).nullable(),
        /** REPLACEMENT_PART: when the part should reach the customer (local days, the store's clock), or why there is no date. */
        leadTime: z
          .object({
            outcome: z.enum(['WINDOW', 'MADE_ON_DEMAND', 'NO_ESTIMATE']),
            earliest: z.iso.date().nullable(),
            latest: z.iso.date().nullable(),
            rule: decidingRuleSchema,
          })
          .nullable()
          .optional(),
        rule: decidingRuleSchema,
      }),
    ),
    /** One per graded part: its grade, amount and the rule that set it. */
    parts: z.array(
      z.object({
        category: z.string().min(1).max(60),
        grade: z.string().min(1).max(20),
        amount: moneySchema.nullable(),
        rule: decidingRuleSchema,
      }),
    ),
    decidedBy: z.uuid(),
    decidedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
