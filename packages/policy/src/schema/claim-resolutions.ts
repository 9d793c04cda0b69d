import { claimKinds, returnPostagePayers } from '@vitrine/contracts';
import { z } from 'zod';
import { basisPointsSchema } from './units.js';

/** One resolution a policy offers for a claim kind; a return says who pays its postage. */
export const resolutionOptionSchema = z.discriminatedUnion('resolution', [
  z.object({ resolution: z.literal('REPLACEMENT_PART') }),
  z.object({ resolution: z.literal('PARTIAL_REFUND') }),
  z.object({ resolution: z.literal('RETURN'), postage: z.enum(returnPostagePayers) }),
  z.object({ resolution: z.literal('EXCHANGE') }),
  z.object({ resolution: z.literal('KEEP_WITH_DISCOUNT') }),
]);
export type ResolutionOption = z.infer<typeof resolutionOptionSchema>;

export const claimResolutionsSchema = z
  .object({
    /** Per claim kind, what the customer may be offered, in the store's order of preference (001: a replacement part first). */
    byKind: z.record(
      z.enum(claimKinds),
      z.array(resolutionOptionSchema).min(1, 'Offer at least one resolution for each kind of claim (customers can claim every kind).'),
    ),
    /** KEEP_WITH_DISCOUNT: the discount, a percentage of what the line paid; null: staff set the amount. */
    keepDiscountBps: basisPointsSchema.nullable(),
  })
  .superRefine((resolutions, ctx) => {
    for (const [kind, options] of Object.entries(resolutions.byKind)) {
      options.forEach((option, i) => {
        if (options.findIndex((o) => o.resolution === option.resolution) !== i) {
          ctx.addIssue({ code: 'custom', path: ['byKind', kind, i], message: `${option.resolution} is offered twice for ${kind}.` });
        }
      });
    }
  });
export type ClaimResolutions = z.infer<typeof claimResolutionsSchema>;

/**
 * What a policy version published before this table existed allowed: staff
 * decided a partial refund, a replacement part or a return for any kind of
 * claim. Such a version never told the customer they would pay postage, so
 * the store pays it; it set no discount, so staff set one.
 */
export function resolutionsBeforeTheTable(): ClaimResolutions {
  const options: ResolutionOption[] = [{ resolution: 'PARTIAL_REFUND' }, { resolution: 'REPLACEMENT_PART' }, { resolution: 'RETURN', postage: 'STORE' }];
  return {
    byKind: Object.fromEntries(claimKinds.map((kind) => [kind, options.map((o) => ({ ...o }))])) as ClaimResolutions['byKind'],
    keepDiscountBps: null,
  };
}
