import type { ProductStatus } from './product-status.js';

/**
 * Statuses in which a product takes orders, as data. Orders enforces the
 * same set (its domain/orderability) when an order is placed; this copy only
 * tells customers in advance.
 */
export const orderableStatuses: readonly ProductStatus[] = ['PREORDER', 'IN_STOCK', 'CHINA_STOCK', 'RELEASED'];

export type Orderability = { orderable: true; reason: null } | { orderable: false; reason: string };

/** Whether a customer in `country` (null: not known yet) can order the product, and if not, why (for the customer). */
export function orderabilityIn(product: { status: ProductStatus; regionBlocks: readonly string[] }, country: string | null): Orderability {
  if (!orderableStatuses.includes(product.status)) {
    return { orderable: false, reason: `This product cannot be ordered right now (it is ${product.status}).` };
  }
  if (product.regionBlocks.length > 0) {
    if (country === null) return { orderable: false, reason: 'We are still setting up your account for this product. Please try again in a moment.' };
    if (product.regionBlocks.includes(country)) return { orderable: false, reason: `Licensing does not allow this product to be sold in ${country}.` };
  }
  return { orderable: true, reason: null };
}
