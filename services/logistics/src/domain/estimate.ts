import { isCountryCode } from '@vitrine/contracts';
import type { FieldProblem } from '@vitrine/platform/domain';
import { packTogether, type PackItem } from './parcel.js';
import { priceParcel, type PriceBreakdown } from './pricing.js';
import type { Dimensions, RateTable } from './rate-table.js';

/** What logistics knows of a product (catalog's ProductPublished). */
export interface MeasuredProduct {
  productId: string;
  weightGrams: number | null;
  dimensions: Dimensions | null;
}

export interface EstimateRequest {
  items: readonly { productId: string; quantity: number }[];
  country: string;
  method: string;
  origin: string | null;
}

export type EstimateResult = { ok: true; price: PriceBreakdown; parcel: ReturnType<typeof packTogether> } | { ok: false; problems: FieldProblem[] };

/** Bounds of an estimate request, as data. */
export const estimateLimits = { maxLines: 50, maxQuantity: 99 } as const;

/**
 * The shipping estimate of a cart or a balance: every unit packed into one
 * parcel by the package rule (`packTogether`), priced by the table. Every
 * problem at once: unknown or unmeasured products, bad quantities, then the
 * table's answer (unknown method, country not served, too heavy).
 */
export function estimateShipping(table: RateTable, products: ReadonlyMap<string, MeasuredProduct>, request: EstimateRequest): EstimateResult {
  const problems: FieldProblem[] = [];
  if (request.items.length === 0 || request.items.length > estimateLimits.maxLines) {
    problems.push({ field: 'items', reason: 'OUT_OF_RANGE', message: `Give 1 to ${estimateLimits.maxLines} lines.` });
  }
  if (!isCountryCode(request.country)) {
    problems.push({ field: 'destination', reason: 'UNKNOWN_COUNTRY', message: `${request.country} is not an ISO 3166-1 alpha-2 country code.` });
  }
  const pack: PackItem[] = [];
  request.items.forEach((item, i) => {
    if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > estimateLimits.maxQuantity) {
      problems.push({ field: `items.${i}.quantity`, reason: 'OUT_OF_RANGE', message: `A quantity is 1 to ${estimateLimits.maxQuantity}.` });
    }
    const product = products.get(item.productId);
    if (!product) problems.push({ field: `items.${i}.productId`, reason: 'UNKNOWN_PRODUCT', message: 'No product has this id.' });
    else if (product.weightGrams === null || product.dimensions === null) {
      problems.push({
        field: `items.${i}.productId`,
        reason: 'NOT_MEASURED',
        message: 'This product has no weight or package size yet: shipping cannot be estimated.',
      });
    } else pack.push({ weightGrams: product.weightGrams, dimensions: product.dimensions, quantity: item.quantity });
  });
  if (problems.length > 0) return { ok: false, problems };
  const parcel = packTogether(pack);
  const priced = priceParcel(table, { method: request.method, origin: request.origin, country: request.country, parcel });
  return priced.ok ? { ok: true, price: priced.price, parcel } : { ok: false, problems: [priced.problem] };
}
