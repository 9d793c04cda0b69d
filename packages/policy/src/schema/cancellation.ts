import { z } from 'zod';
import { durationSchema, feeSchema, orderMilestones, slugSchema } from './units.js';
import { endsLater } from './window-order.js';

/** Who decides a cancellation request: these rules, or staff case by case (the rules then give the amounts if they accept). */
export const cancellationDeciders = ['RULES', 'STAFF'] as const;

/**
 * A preorder cancellation tier: cancelled before `within` has passed since
 * `from`, the fee is `fee`. Tiers are read in order and the first open one
 * decides, so they go from the shortest window to the longest, and a later
 * tier never charges less than an earlier one.
 */
export const cancellationTierSchema = z.object({
  /** The stable part of the rule id: `preorder-cancellation.<id>`. */
  id: slugSchema,
  within: durationSchema,
  from: z.enum(['ORDER_PLACED', 'DEPOSIT_PAID']),
  fee: feeSchema,
});
export type CancellationTier = z.infer<typeof cancellationTierSchema>;

/** Once every tier has closed: a fee, nothing refunded (the order is cancelled, the money kept), or no cancellation at all. */
export const afterTiersSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('FEE'), fee: feeSchema }),
  z.object({ kind: z.literal('NO_REFUND') }),
  z.object({ kind: z.literal('REFUSED') }),
]);

export const preorderCancellationSchema = z
  .object({
    decidedBy: z.enum(cancellationDeciders),
    /** From this milestone on, a preorder cannot be cancelled (shipped orders never can). */
    refusedFrom: z.enum(orderMilestones),
    tiers: z.array(cancellationTierSchema),
    afterTiers: afterTiersSchema,
  })
  .superRefine((c, ctx) => {
    c.tiers.forEach((tier, i) => {
      const previous = c.tiers[i - 1];
      if (c.tiers.findIndex((t) => t.id === tier.id) !== i) {
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'id'], message: `Tier id ${tier.id} is used twice.` });
      }
      if (!previous) return;
      if (!endsLater(previous.within, tier.within)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'within'],
          message: `Tier ${i + 1} does not end after tier ${i}: the windows overlap or are out of order (list them from the shortest to the longest).`,
        });
      }
      if (tier.fee.of === previous.fee.of && tier.fee.percentBps < previous.fee.percentBps) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'fee', 'percentBps'],
          message: `Tier ${i + 1} charges less than tier ${i}: a later cancellation cannot cost less.`,
        });
      }
    });
    const last = c.tiers.at(-1);
    if (last && c.afterTiers.kind === 'FEE' && c.afterTiers.fee.of === last.fee.of && c.afterTiers.fee.percentBps < last.fee.percentBps) {
      ctx.addIssue({ code: 'custom', path: ['afterTiers', 'fee', 'percentBps'], message: 'After the last tier the fee cannot be lower than in it.' });
    }
  });
export type PreorderCancellation = z.infer<typeof preorderCancellationSchema>;

/** In-stock orders: a fee before processing, a fee or a refusal once processed; once shipped never (a return instead). */
export const inStockCancellationSchema = z.object({
  decidedBy: z.enum(cancellationDeciders),
  beforeProcessing: feeSchema,
  onceProcessed: z.discriminatedUnion('kind', [z.object({ kind: z.literal('FEE'), fee: feeSchema }), z.object({ kind: z.literal('REFUSED') })]),
});
export type InStockCancellation = z.infer<typeof inStockCancellationSchema>;

/** Whether a change the customer did not choose opens a right to cancel, for how long, and whether the down payment comes back then. */
export const changeRightSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('NONE') }),
  z.object({ kind: z.literal('CANCELLATION_RIGHT'), within: durationSchema, refundsDownPayment: z.boolean() }),
]);
export type ChangeRight = z.infer<typeof changeRightSchema>;

export const changeRightsSchema = z.object({ specChange: changeRightSchema, releaseDateChange: changeRightSchema });
