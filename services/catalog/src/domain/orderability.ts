import { isOrderableStatus } from '@vitrine/contracts';
import type { ProductStatus } from './product-status.js';

export type Orderability = { orderable: true; reason: null } | { orderable: false; reason: string };

/** Whether a customer in `country` (null: not known yet) can order the product, and if not, why (for the customer). */
export function orderabilityIn(product: { status: ProductStatus; regionBlocks: readonly string[] }, country: string | null): Orderability {
  if (!isOrderableStatus(product.status)) {
    return { orderable: false, reason: `This product cannot be ordered right now (it is ${product.status}).` };
  }
  if (product.regionBlocks.length > 0) {
    if (country === null) return { orderable: false, reason: 'We are still setting up your account for this product. Please try again in a moment.' };
    if (product.regionBlocks.includes(country)) return { orderable: false, reason: `Licensing does not allow this product to be sold in ${country}.` };
  }
  return { orderable: true, reason: null };
}
