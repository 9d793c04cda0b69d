import type { OrderKind, OrderPaymentPlan, PaymentPurpose } from '@vitrine/contracts';

/** HELD: the amount is authorised on the customer's card and taken at dispatch (charge at ship); the order may be fulfilled. */
export const dueStatuses = ['OPEN', 'HELD', 'PAID', 'VOID'] as const;
export type DueStatus = (typeof dueStatuses)[number];

/** One thing an order owes (what PaymentDue announced), as the rules read it. */
export interface DueFacts {
  purpose: PaymentPurpose;
  goodsAmount: number;
  shippingAmount: number;
  status: DueStatus;
}

/** A right to cancel opened by a product change, kept with the order while it lasts. */
export interface OpenCancellationRight {
  reason: 'SPEC_CHANGE' | 'RELEASE_DATE_CHANGE';
  productId: string;
  /** ISO instant. */
  closesAt: string;
}

/** What the rules need of an order: its terms at checkout and the instants of its life. */
export interface OrderSnapshot {
  kind: OrderKind;
  paymentPlan: OrderPaymentPlan;
  currency: string;
  /** The goods, tax included. */
  totalAmount: number;
  depositAmount: number;
  /** The part of what is paid at order that is never refunded. */
  downPaymentAmount: number;
  shippingEstimateAmount: number;
  placedAt: Date;
  firstPaidAt?: Date | null;
  processedAt?: Date | null;
  shippingDateConfirmedAt?: Date | null;
  arrivedAtWarehouseAt?: Date | null;
  shippedAt?: Date | null;
  deliveredAt?: Date | null;
  cancellationRight?: OpenCancellationRight | null;
}

export interface Paid {
  goods: number;
  shipping: number;
}

/** What the order's PAID dues brought in. */
export function paidSoFar(dues: readonly DueFacts[]): Paid {
  return dues
    .filter((d) => d.status === 'PAID')
    .reduce((sum, d) => ({ goods: sum.goods + d.goodsAmount, shipping: sum.shipping + d.shippingAmount }), { goods: 0, shipping: 0 });
}

/**
 * What is left to pay for the goods and the shipping estimate: the balance
 * (deposit plan), the arrival payment or the shipping-day charge.
 */
export function remainingToPay(order: OrderSnapshot, dues: readonly DueFacts[]): Paid {
  const paid = paidSoFar(dues);
  return { goods: Math.max(order.totalAmount - paid.goods, 0), shipping: Math.max(order.shippingEstimateAmount - paid.shipping, 0) };
}
