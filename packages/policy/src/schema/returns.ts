import { z } from 'zod';
import { durationSchema, feeSchema, orderMilestones } from './units.js';

/**
 * Returns of delivered goods. `preference`: returns because the customer
 * changed their mind (none at all, or within a window from delivery on
 * conditions); `defects`: what a defective product gets instead.
 */
export const returnsSchema = z.object({
  preference: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('NOT_ACCEPTED') }),
    z.object({
      kind: z.literal('WITHIN_WINDOW'),
      /** Counted from the courier's delivery. */
      within: durationSchema,
      condition: z.enum(['UNUSED_ORIGINAL_CONDITION', 'ANY']),
      restockingFee: feeSchema,
      returnShippingPaidBy: z.enum(['CUSTOMER', 'STORE']),
      /** Whether the shipping paid on the order comes back with the refund. */
      shippingRefunded: z.boolean(),
    }),
  ]),
  defects: z.enum(['EXCHANGE', 'AFTER_SALES_CLAIM']),
});
export type Returns = z.infer<typeof returnsSchema>;

/** A parcel that comes back because the customer did not take it: is the round-trip shipping deducted from the refund? */
export const returnToSenderSchema = z.object({ deductRoundTripShipping: z.boolean() });

/** The shipping address can change until this milestone. */
export const addressChangeSchema = z.object({ until: z.enum(orderMilestones) });
