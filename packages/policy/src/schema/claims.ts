import { productStatusSchema } from '@vitrine/contracts';
import { z } from 'zod';
import { claimResolutionsSchema, resolutionsBeforeTheTable } from './claim-resolutions.js';
import { basisPointsSchema, durationRangeSchema, durationSchema, minorUnitsSchema } from './units.js';
import { endsLater } from './window-order.js';

/** Quality issues the 001 grading chart names. */
export const claimIssues = [
  'ELECTRONIC_FAILURE',
  'MISSING_OR_WRONG_ACCESSORY',
  'ACCESSORY_PAINT_ERROR',
  'DETACHMENT_FIXABLE',
  'STRUCTURAL_BREAKAGE',
  'PARTIAL_SURFACE_CRACKING',
] as const;
export type ClaimIssue = (typeof claimIssues)[number];

/** A grade has a reimbursement percentage; `STAFF` means staff decide the case ("Depends" in 001). */
export const claimGrades = ['LOW', 'MEDIUM', 'HIGH', 'STAFF'] as const;
export type ClaimGrade = (typeof claimGrades)[number];

/** Part categories of the 001 compensation table, the same names catalog files parts under. */
export const partCategories = [
  'DETACHMENT_ONLY',
  'HEAD_SCULPT',
  'HEAD_SCULPT_SPECIAL',
  'JOINED_FIGURE_HARD_PLASTIC',
  'SEAMLESS_FIGURE_SILICONE',
  'BODY_SPECIAL_DESIGN',
  'CLOTHES_SMALL',
  'CLOTHES_MIDDLE',
  'CLOTHES_LARGE',
  'CLOTHES_SPECIAL_SMALL',
  'CLOTHES_SPECIAL_MIDDLE',
  'CLOTHES_SPECIAL_LARGE',
  'WEAPON_LARGE',
  'WEAPON_SMALL',
  'SCENE_PROP',
  'FIGURE_STAND',
  'FIGURE_STAND_SPECIAL',
  'PACKAGING_BOX',
] as const;
export type PartCategory = (typeof partCategories)[number];

/** Damage the after-sales service does not cover (001, 002). */
export const claimExclusions = ['EXTERIOR_BROWN_BOX', 'ART_BOX', 'MINOR_SCRATCHES', 'GLUE_FIXABLE_PARTS', 'MINOR_PACKAGING_WRINKLES'] as const;
export type ClaimExclusion = (typeof claimExclusions)[number];

const gradedSchema = z.enum(['LOW', 'MEDIUM', 'HIGH']);

export const claimsSchema = z
  .object({
    /** From the courier's delivery date: any damage, and significant damage (null: no shorter window for it). */
    windows: z.object({ damage: durationSchema, significantDamage: durationSchema.nullable() }),
    evidence: z.object({ photos: z.boolean(), unboxingVideo: z.boolean() }),
    coverage: z.object({
      /** Products sold in these statuses get no after-sales service (002: CHINA_STOCK). */
      notCoveredStatuses: z.array(productStatusSchema),
      /** In-stock products ordered more than this after their release are not covered (002: 3 months). Null: no limit. */
      inStockCoveredAfterRelease: durationSchema.nullable(),
      /** Preorders are covered whatever the rules above say (002). */
      preordersAlwaysCovered: z.boolean(),
      exclusions: z.array(z.enum(claimExclusions)),
    }),
    /** Partial refunds by grade and part (001). Null: staff decide every amount. */
    compensation: z
      .object({
        issueGrades: z.record(z.enum(claimIssues), z.enum(claimGrades)),
        gradePercentBps: z.record(gradedSchema, basisPointsSchema),
        /** Most a partial refund pays for one part, minor units of the policy currency; null: staff decide. */
        partMaxReimbursement: z.record(z.enum(partCategories), minorUnitsSchema.nullable()),
      })
      .nullable(),
    /** Which resolutions each kind of claim may be offered (001, 003); versions published before it get what staff could decide then. */
    resolutions: claimResolutionsSchema.default(resolutionsBeforeTheTable),
    /**
     * How long a replacement part takes when the studio has it in stock: to
     * our warehouse, then shipping to the customer (002: 1-2 weeks, then
     * 15-70 days). Otherwise the factory makes it on demand, on its own
     * schedule: no estimate. Null (and versions published before it): the
     * store promises no lead time.
     */
    replacementParts: z
      .object({ inStockAtStudio: z.object({ toWarehouse: durationRangeSchema, shipping: durationRangeSchema }) })
      .nullable()
      .default(null),
  })
  .superRefine((claims, ctx) => {
    const { damage, significantDamage } = claims.windows;
    if (significantDamage && !endsLater(significantDamage, damage)) {
      ctx.addIssue({
        code: 'custom',
        path: ['windows', 'significantDamage'],
        message: 'The window for significant damage must be shorter than the one for any damage.',
      });
    }
    const g = claims.compensation?.gradePercentBps;
    if (g && !(g.LOW <= g.MEDIUM && g.MEDIUM <= g.HIGH)) {
      ctx.addIssue({
        code: 'custom',
        path: ['compensation', 'gradePercentBps'],
        message: 'A higher grade cannot pay a smaller percentage (LOW <= MEDIUM <= HIGH).',
      });
    }
  });
export type Claims = z.infer<typeof claimsSchema>;
