import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, ServiceUnavailable } from '@vitrine/platform';
import { estimateShipping, type EstimateRequest, type MeasuredProduct } from '../domain/estimate.js';
import type { PriceBreakdown } from '../domain/pricing.js';
import { isUuid } from '@vitrine/platform/domain';
import { KnownProduct } from '../store/known-product.entity.js';
import { latestRateTable } from './rate-tables.js';

export interface Estimate extends PriceBreakdown {
  rateTableVersion: number;
}

/** The shipping estimate by the newest rate table, from logistics' own copy of catalog's measurements: no call to another service. */
export async function shippingEstimate(em: EntityManager, request: EstimateRequest): Promise<Estimate> {
  const table = await latestRateTable(em);
  if (!table) throw new ServiceUnavailable('Shipping rates are not published yet. Please try again shortly.');
  const ids = request.items.map((i) => i.productId).filter(isUuid);
  const rows = ids.length ? await em.find(KnownProduct, { productId: { $in: ids } }) : [];
  const products = new Map<string, MeasuredProduct>(rows.map((r) => [r.productId, measured(r)]));
  const result = estimateShipping(table.document, products, request);
  if (!result.ok) throw new BadUserInput('Shipping cannot be estimated.', result.problems);
  return { ...result.price, rateTableVersion: table.version };
}

export function measured(r: KnownProduct): MeasuredProduct {
  const { lengthMm, widthMm, heightMm } = r;
  return {
    productId: r.productId,
    weightGrams: r.weightGrams ?? null,
    dimensions: lengthMm != null && widthMm != null && heightMm != null ? { lengthMm, widthMm, heightMm } : null,
  };
}
