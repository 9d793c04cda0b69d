import { productStatuses, type ProductStatus } from '@vitrine/contracts';
import { PolicyViolation } from '@vitrine/platform/domain';

export { productStatuses, type ProductStatus };

/**
 * Every move a product's status may make, and why it makes sense. Anything
 * not listed (including staying put) is refused with POLICY_VIOLATION
 * `PRODUCT_STATUS_TRANSITION`.
 */
export const productStatusTransitions: Readonly<Record<ProductStatus, readonly ProductStatus[]>> = {
  // Announced at a show: preorders open, or it goes straight to release (no
  // preorder campaign, e.g. a store exclusive), or the maker cancels it.
  ANNOUNCED: ['PREORDER', 'RELEASED', 'DISCONTINUED'],
  // The window closes (on its date, or early: a limited run sold out, the
  // maker asks). Not SOLD_OUT: sold-out preorders still have to be released
  // and shipped, so they close instead. The maker can also cancel.
  PREORDER: ['PREORDER_CLOSED', 'DISCONTINUED'],
  // Orders went to the maker: it is released, or the maker extends the
  // window (reopen), or cancels production.
  PREORDER_CLOSED: ['RELEASED', 'PREORDER', 'DISCONTINUED'],
  // Released: stock lands in France, or stays with the factory in China,
  // or every unit went to preorders. A released product is never "cancelled".
  RELEASED: ['IN_STOCK', 'CHINA_STOCK', 'SOLD_OUT'],
  // France runs out while the factory still holds units, or all runs out, or it is withdrawn.
  IN_STOCK: ['CHINA_STOCK', 'SOLD_OUT', 'DISCONTINUED'],
  // Factory stock is shipped to France, runs out, or is withdrawn.
  CHINA_STOCK: ['IN_STOCK', 'SOLD_OUT', 'DISCONTINUED'],
  // A restock (France or China), or the line ends.
  SOLD_OUT: ['IN_STOCK', 'CHINA_STOCK', 'DISCONTINUED'],
  // Terminal: a discontinued product never comes back (announce a new one instead).
  DISCONTINUED: [],
};

/** Statuses a product may be created in (a later state needs the history that leads to it). */
export const initialProductStatuses: readonly ProductStatus[] = ['ANNOUNCED', 'PREORDER', 'IN_STOCK', 'CHINA_STOCK'];

export function canChangeStatus(from: ProductStatus, to: ProductStatus): boolean {
  return productStatusTransitions[from].includes(to);
}

/**
 * The statuses staff may move a product to from `from`, in the table's order:
 * exactly the moves `assertStatusChange` lets through, so a back office can
 * offer these and nothing the API would refuse. Empty: the status is final.
 */
export function allowedStatusMoves(from: ProductStatus): ProductStatus[] {
  return productStatuses.filter((to) => canChangeStatus(from, to));
}

/** Throws POLICY_VIOLATION `PRODUCT_STATUS_TRANSITION` (with from, to and the allowed moves) unless the move is allowed. */
export function assertStatusChange(from: ProductStatus, to: ProductStatus): void {
  if (canChangeStatus(from, to)) return;
  const allowed = productStatusTransitions[from];
  throw new PolicyViolation(from === to ? `The product is already ${from}.` : `A product cannot go from ${from} to ${to}.`, 'PRODUCT_STATUS_TRANSITION', {
    from,
    to,
    allowed: [...allowed],
  });
}

/** Only before release can the release date still change. */
export const statusesWithOpenReleaseDate: readonly ProductStatus[] = ['ANNOUNCED', 'PREORDER', 'PREORDER_CLOSED'];
