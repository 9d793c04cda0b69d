import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { decidingRuleSchema } from '../shared/rule.js';
import { claimResolutions } from './claim-terms.js';

/**
 * Staff graded a claim and decided its resolution: payments refunds
 * `refund` (PARTIAL_REFUND), logistics ships `replacementParts`
 * (REPLACEMENT_PART), or the customer returns the item (RETURN).
 * aftersales no longer publishes it: staff now offer the resolutions the
 * policy allows (ClaimOffered) and the customer picks one (ClaimResolved).
 * Kept so consumers still read the ones already on the topic.
 */
export const claimDecidedV1 = {
  type: 'aftersales.claim.decided',
  version: 1,
  topic: topics.aftersalesClaim,
  schema: z.object({
    claimId: z.uuid(),
    orderId: z.uuid(),
    customerId: z.uuid(),
    productId: z.uuid(),
    resolution: z.enum(claimResolutions),
    /** PARTIAL_REFUND: what payments refunds on the order (never more than the line paid minus earlier claims' refunds). */
    refund: moneySchema.nullable(),
    /** REPLACEMENT_PART: the part categories to ship. */
    replacementParts: z.array(z.string().min(1).max(60)),
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
