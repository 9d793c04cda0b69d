import { z } from 'zod';

/**
 * How a preorder is paid (one plan per product; the seed stores' plans are
 * deposit 000, pay on arrival 004, charge at ship 003), chosen per campaign:
 * - DEPOSIT: a share of the price at order, the balance on release (full
 *   payment at order may be offered too);
 * - FULL_PAYMENT: everything at order;
 * - PAY_ON_ARRIVAL: nothing at order (beyond a product's non-refundable down
 *   payment), a payment link when the item reaches the warehouse;
 * - CHARGE_AT_SHIP: the stored payment method is charged when the shipping
 *   date is fixed.
 */
export const paymentPlanKinds = ['DEPOSIT', 'FULL_PAYMENT', 'PAY_ON_ARRIVAL', 'CHARGE_AT_SHIP'] as const;
export type PaymentPlanKind = (typeof paymentPlanKinds)[number];

export const paymentPlanSchema = z.object({
  kind: z.enum(paymentPlanKinds),
  /** Whole percent of the price paid at order; only for DEPOSIT (1-99). */
  depositPercent: z.number().int().min(1).max(99).nullable(),
  /** DEPOSIT only: the customer may pay everything at order instead. */
  fullPaymentAllowed: z.boolean(),
});
export type PaymentPlan = z.infer<typeof paymentPlanSchema>;

/** Why a preorder window closed. */
export const preorderCloseReasons = ['SCHEDULED', 'SOLD_OUT', 'MAKER_REQUEST', 'STORE_DECISION', 'STATUS_CHANGED'] as const;
export type PreorderCloseReason = (typeof preorderCloseReasons)[number];

/** A campaign's terms as announced: consumers keep them with each preorder. */
export const preorderTermsSchema = z.object({
  productId: z.uuid(),
  opensAt: z.iso.datetime({ offset: true }),
  /** Last moment orders go to the maker; null: open until staff close it. */
  closesAt: z.iso.datetime({ offset: true }).nullable(),
  /** Null: the store's default plan applies. */
  paymentPlan: paymentPlanSchema.nullable(),
  /** Units offered; null: open-ended (made to order). */
  limitedQuantity: z.number().int().positive().nullable(),
});
