import { customerFlagChangeSchema } from '@vitrine/contracts';
import { z } from 'zod';
import { basisPointsSchema, durationSchema } from './units.js';

const flagSchema = customerFlagChangeSchema.shape.flag;

/** What a flag on a customer requires of their future preorders. */
export const flagRequirementSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('NON_REFUNDABLE_DOWN_PAYMENT'), percentBps: basisPointsSchema.refine((v) => v > 0, 'A down payment is more than 0%.') }),
  z.object({ kind: z.literal('FULL_PAYMENT') }),
  z.object({ kind: z.literal('NO_PREORDERS') }),
]);
export type FlagRequirement = z.infer<typeof flagRequirementSchema>;

export const abuseSchema = z
  .object({
    flagRules: z.array(z.object({ flag: flagSchema, requires: flagRequirementSchema })),
    /** When staff are told to consider a flag: this many orders expired unpaid within this span. Null: never. */
    suggestFlag: z.object({ flag: flagSchema, afterExpiries: z.number().int().min(1), within: durationSchema }).nullable(),
  })
  .superRefine((abuse, ctx) => {
    abuse.flagRules.forEach((r, i) => {
      if (abuse.flagRules.findIndex((o) => o.flag === r.flag) !== i) {
        ctx.addIssue({ code: 'custom', path: ['flagRules', i, 'flag'], message: `${r.flag} has two rules.` });
      }
    });
  });
export type Abuse = z.infer<typeof abuseSchema>;

/** An order left unpaid at its payment deadline is cancelled: what the store keeps, and whether it counts toward the customer's abuse record. */
export const expirySchema = z.object({ depositKept: z.boolean(), downPaymentKept: z.boolean(), countsTowardAbuse: z.boolean() });
export type Expiry = z.infer<typeof expirySchema>;
