import { z } from 'zod';

/**
 * The units every number in a store policy is written in.
 *
 * - Money: integer minor units (cents) of the policy's one ISO 4217 currency.
 * - Percentages: basis points, whole numbers from 0 to 10000 (10000 = 100%,
 *   2500 = 25%, 1250 = 12.5%). Field names end in `Bps` so nobody reads 30 as 30%.
 * - Durations: `{ amount, unit }`, counted as `rules/deadline.ts` says.
 */

export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'Give an ISO 4217 currency code such as USD.');

export const minorUnitsSchema = z.number().int('Give money in whole minor units (cents).').nonnegative('An amount of money cannot be negative.');

export const basisPointsMax = 10_000;

export const basisPointsSchema = z
  .number()
  .int('Give a percentage in whole basis points (2500 = 25%).')
  .min(0, 'A percentage cannot be negative.')
  .max(basisPointsMax, 'A percentage cannot be more than 100% (10000 basis points).');

export const durationUnits = ['HOURS', 'DAYS', 'BUSINESS_DAYS', 'MONTHS'] as const;
export type DurationUnit = (typeof durationUnits)[number];

export const durationSchema = z.object({
  amount: z.number().int('Give a duration in whole units.').positive('A duration must be longer than zero.'),
  unit: z.enum(durationUnits),
});
export type Duration = z.infer<typeof durationSchema>;

/** A promised span such as "2-3 business days" (data for logistics and orders, not a deadline). */
export const durationRangeSchema = z
  .object({
    min: z.number().int().nonnegative('A duration cannot be negative.'),
    max: z.number().int().positive('A duration must be longer than zero.'),
    unit: z.enum(durationUnits),
  })
  .refine((r) => r.min <= r.max, { path: ['max'], message: 'The longest time cannot be shorter than the shortest.' });
export type DurationRange = z.infer<typeof durationRangeSchema>;

/** What a fee is a percentage of. */
export const feeBases = [
  /** The deposit the order's terms set (for a full payment: the deposit the same terms would have asked). */
  'DEPOSIT',
  /** The price of the goods, tax included, shipping excluded. */
  'TOTAL',
  /** What was paid for the goods so far (deposit, balance, full payment, down payment; not shipping). */
  'PAID',
] as const;
export type FeeBase = (typeof feeBases)[number];

export const feeSchema = z.object({ percentBps: basisPointsSchema, of: z.enum(feeBases) });
export type Fee = z.infer<typeof feeSchema>;

/** Stable rule ids are built from these: lower-case words joined by dashes. */
export const slugSchema = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'Use lower-case words joined by dashes, such as free-within-deposit-window.');

/** Things that happen to an order (each recorded with its instant); rules name one as a cut-off. */
export const orderMilestones = ['PROCESSED', 'SHIPPING_DATE_CONFIRMED', 'ARRIVED_AT_WAREHOUSE', 'SHIPPED'] as const;
export type OrderMilestone = (typeof orderMilestones)[number];
