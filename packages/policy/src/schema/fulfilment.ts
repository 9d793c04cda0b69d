import { z } from 'zod';
import { durationRangeSchema } from './units.js';

/**
 * Timings the store promises (e.g. seed 000: an in-stock order reaches the
 * logistics partner 2-3 business days after payment, who fixes the final
 * shipping cost within 1-2 more), as data for logistics and orders to
 * schedule and show. Nothing here decides anything. Null:
 * the store does not promise that step.
 */
export const fulfilmentSchema = z.object({
  inStock: z.object({
    /** From payment to the logistics partner (or to shipping, for stores that ship themselves). */
    handover: durationRangeSchema,
    /** The partner packs and fixes the final shipping cost. */
    shippingQuote: durationRangeSchema.nullable(),
    /** From paying an extra shipping invoice to dispatch. */
    dispatchAfterExtraPayment: durationRangeSchema.nullable(),
  }),
  preorder: z.object({
    /** From the balance (or arrival) payment to the logistics partner. */
    handover: durationRangeSchema.nullable(),
    shippingQuote: durationRangeSchema.nullable(),
    /** From the last payment to the tracking number, end to end. */
    paymentToTracking: durationRangeSchema.nullable(),
  }),
});
export type Fulfilment = z.infer<typeof fulfilmentSchema>;
