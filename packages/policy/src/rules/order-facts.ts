import type { PaymentPlanKind } from '@vitrine/contracts';
import type { Fee, OrderMilestone } from '../schema/units.js';

/** Minor units paid on an order so far, by kind of payment (0 when none). */
export interface Paid {
  deposit: number;
  balance: number;
  full: number;
  /** A non-refundable down payment (004), required by the product or by a flag. */
  downPayment: number;
  shipping: number;
}

/**
 * What the rules need to know about an order, as facts with instants. A
 * milestone counts once its instant is at or before `now`.
 */
export interface OrderFacts {
  kind: 'PREORDER' | 'IN_STOCK';
  /** The preorder's plan; null for in-stock orders. */
  plan: PaymentPlanKind | null;
  currency: string;
  /** Price of the goods, tax included, shipping excluded (minor units). */
  total: number;
  /** The deposit the order's terms set; for a full payment under a deposit plan, the deposit the terms would have asked; 0 when none. */
  deposit: number;
  paid: Paid;
  placedAt: Date;
  /** When the deposit (or the full payment made instead) was paid. */
  depositPaidAt?: Date | null;
  processedAt?: Date | null;
  shippingDateConfirmedAt?: Date | null;
  arrivedAtWarehouseAt?: Date | null;
  shippedAt?: Date | null;
  /** The courier's delivery date. */
  deliveredAt?: Date | null;
  /** A right to cancel opened by a spec change or a release-date change (see cancellation-rights), while it lasts. */
  openCancellationRight?: { reason: 'SPEC_CHANGE' | 'RELEASE_DATE_CHANGE'; closesAt: Date } | null;
  /** Region of the warehouse that ships it, for business days; the policy's default when absent. */
  warehouseRegion?: string | null;
}

const milestoneField: Record<OrderMilestone, keyof OrderFacts> = {
  PROCESSED: 'processedAt',
  SHIPPING_DATE_CONFIRMED: 'shippingDateConfirmedAt',
  ARRIVED_AT_WAREHOUSE: 'arrivedAtWarehouseAt',
  SHIPPED: 'shippedAt',
};

export function reached(order: OrderFacts, milestone: OrderMilestone, now: Date): boolean {
  const at = order[milestoneField[milestone]];
  return at instanceof Date && at.getTime() <= now.getTime();
}

/** Everything paid on the order. */
export function totalPaid(order: OrderFacts): number {
  const p = order.paid;
  return p.deposit + p.balance + p.full + p.downPayment + p.shipping;
}

/** Paid for the goods (shipping excluded, down payment included). */
export function paidForGoods(order: OrderFacts): number {
  const p = order.paid;
  return p.deposit + p.balance + p.full + p.downPayment;
}

/** The amount a fee is a percentage of (see `feeBases`). */
export function feeBaseAmount(order: OrderFacts, of: Fee['of']): number {
  switch (of) {
    case 'DEPOSIT':
      return order.deposit;
    case 'TOTAL':
      return order.total;
    case 'PAID':
      return paidForGoods(order);
  }
}
