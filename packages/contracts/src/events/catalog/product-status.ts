import { staffReasonMaxLength } from '../shared/staff-reason.js';
import { z } from 'zod';

/**
 * A product's place in its life: announced, sold on
 * preorder, preorder closed (orders went to the maker), released, then held
 * in the French warehouse (IN_STOCK) or by the factory in China
 * (CHINA_STOCK), sold out, or discontinued. Catalog decides which moves are
 * allowed; consumers store any status name they receive, so a new status is
 * an additive change.
 */
export const productStatuses = ['ANNOUNCED', 'PREORDER', 'PREORDER_CLOSED', 'RELEASED', 'IN_STOCK', 'CHINA_STOCK', 'SOLD_OUT', 'DISCONTINUED'] as const;
export type ProductStatus = (typeof productStatuses)[number];

/** A product sold before it exists: consumers tell preorders from stock by it. */
export const preorderProductStatus: ProductStatus = 'PREORDER';

/** Tolerant on the wire: any upper-case status name, so adding one stays within a version. */
export const productStatusSchema = z
  .string()
  .regex(/^[A-Z][A-Z_]{0,31}$/)
  .describe(`One of ${productStatuses.join(', ')} today; more may be added within this version.`);

/** Staff must say why they change a product's status or release date (1 to 500 characters). */
export const catalogReasonMaxLength = staffReasonMaxLength;

/** A release estimate: a month (`2027-03`) or an exact day (`2027-03-14`). */
export const releaseEstimateSchema = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/);

/**
 * Statuses in which a product takes new orders, as data. Orders enforces it
 * when an order is placed; catalog uses the same set to tell customers in
 * advance. A status added later is not orderable until listed here.
 */
export const orderableStatuses: readonly string[] = ['PREORDER', 'IN_STOCK', 'CHINA_STOCK', 'RELEASED'];

export function isOrderableStatus(status: string): boolean {
  return orderableStatuses.includes(status);
}
