import type { FieldProblem } from '@vitrine/platform/domain';

export interface CustomerHolding {
  productId: string;
  /** Units of the product on this customer's live orders (not rejected, cancelled or expired). */
  held: number;
  /** Units of it in the cart being checked out. */
  wanted: number;
  /** The product's per-customer limit; null: none. */
  limit: number | null;
}

/**
 * A limited run one buyer cannot sweep with several orders each within the
 * per-order limit: what a customer already holds plus what they ask for stays
 * within the product's per-customer limit.
 */
export function overCustomerLimit(holdings: readonly CustomerHolding[]): FieldProblem[] {
  return holdings
    .filter((h) => h.limit !== null && h.held + h.wanted > h.limit)
    .map((h) => ({
      field: 'lines',
      reason: 'OVER_CUSTOMER_LIMIT',
      message:
        h.held > 0
          ? `At most ${h.limit} of this product per customer: you already have ${h.held} on order.`
          : `At most ${h.limit} of this product per customer.`,
      productId: h.productId,
      limit: h.limit ?? undefined,
      held: h.held,
    }));
}
