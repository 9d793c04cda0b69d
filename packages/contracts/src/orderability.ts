import { isOrderableStatus } from './events/catalog/product-status.js';

export interface NotOrderable {
  reason: 'NOT_ORDERABLE' | 'REGION_UNKNOWN' | 'BLOCKED_IN_REGION';
  /** In words for the customer. */
  message: string;
}

/**
 * Orderability: whether a customer may order a product at all, from its
 * status (an orderable one) and its region blocks (not their country). How
 * many units (the per-order limit, a limited quantity, stock) is not part of it.
 *
 * Why a customer in `country` (null: not known yet) may not order a product:
 * every reason, the status first; none when they may. Orders enforces it
 * when an order is placed; catalog tells customers in advance with the same
 * rule. Products without region blocks never need the country, so brand-new
 * customers can order them at once.
 */
/** Why a product in a status that cannot be ordered cannot be, in the customer's words (never the status code). */
const statusInWords: Partial<Record<string, string>> = {
  ANNOUNCED: 'This product cannot be ordered yet: its preorders have not opened.',
  PREORDER_CLOSED: 'This product cannot be ordered right now: its preorders have closed.',
  SOLD_OUT: 'This product is sold out.',
  DISCONTINUED: 'This product is no longer sold.',
};

export function notOrderableReasons(product: { status: string; regionBlocks: readonly string[] }, country: string | null): NotOrderable[] {
  const reasons: NotOrderable[] = [];
  if (!isOrderableStatus(product.status)) {
    reasons.push({ reason: 'NOT_ORDERABLE', message: statusInWords[product.status] ?? 'This product cannot be ordered right now.' });
  }
  if (product.regionBlocks.length > 0) {
    if (country === null)
      reasons.push({ reason: 'REGION_UNKNOWN', message: 'We are still setting up your account for this product. Please try again in a moment.' });
    else if (product.regionBlocks.includes(country))
      reasons.push({ reason: 'BLOCKED_IN_REGION', message: `Licensing does not allow this product to be sold in ${country}.` });
  }
  return reasons;
}
