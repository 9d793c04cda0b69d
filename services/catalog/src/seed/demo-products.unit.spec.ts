import { describe, expect, it } from 'vitest';
import { checkNewProduct } from '../domain/new-product.js';
import { orderabilityIn } from '../domain/orderability.js';
import { canChangeStatus, initialProductStatuses, productStatuses, statusesWithOpenReleaseDate } from '../domain/product-status.js';
import { checkReleaseEstimate } from '../domain/release-estimate.js';
import { demoProducts, demoStudios } from './demo-products.js';

const finalStatus = (p: (typeof demoProducts)[number]) => p.path[p.path.length - 1];
const limited = demoProducts.filter((p) => p.maxQuantityPerOrder !== undefined && p.maxQuantityPerOrder <= 2 && p.stock <= 10);
const blocked = demoProducts.filter((p) => (p.regionBlocks ?? []).length > 0);
const slipped = demoProducts.filter((p) => (p.slips ?? []).length > 0);

describe('demo catalog data', () => {
  it('is big and varied enough to demo', () => {
    expect(demoProducts.length).toBeGreaterThanOrEqual(30);
    expect(new Set(demoStudios.map((s) => s.country)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(demoProducts.map(finalStatus))).toEqual(new Set(productStatuses));
    expect(limited.length).toBeGreaterThanOrEqual(3);
    expect(blocked.length).toBeGreaterThanOrEqual(2);
    expect(slipped.length).toBeGreaterThanOrEqual(3);
    expect(slipped.every((p) => p.slips!.length <= 3)).toBe(true);
  });

  it('has unique SKUs, known studios and valid products', () => {
    expect(new Set(demoProducts.map((p) => p.sku)).size).toBe(demoProducts.length);
    const studios = new Set<string>(demoStudios.map((s) => s.key));
    for (const p of demoProducts) {
      expect(studios.has(p.studio), p.sku).toBe(true);
      expect(checkNewProduct({ ...p, priceCurrency: 'USD', status: p.path[0] }), p.sku).toEqual([]);
    }
  });

  it('reaches every status through allowed transitions', () => {
    for (const p of demoProducts) {
      expect(initialProductStatuses, p.sku).toContain(p.path[0]);
      p.path.slice(1).forEach((to, i) => expect(canChangeStatus(p.path[i]!, to), `${p.sku}: ${p.path[i]} -> ${to}`).toBe(true));
    }
  });

  it('sets release dates only before release, each slip later than the last', () => {
    for (const p of demoProducts) {
      if (p.slips) expect(p.release, p.sku).toBeDefined();
      if (!p.release) continue;
      expect(statusesWithOpenReleaseDate, p.sku).toContain(p.path[0]);
      const estimates = [p.release, ...(p.slips ?? []).map((s) => s.estimate)];
      for (const e of estimates) expect(checkReleaseEstimate(e), `${p.sku}: ${e}`).toEqual([]);
      estimates.slice(1).forEach((e, i) => expect(e.slice(0, 7) > estimates[i]!.slice(0, 7), `${p.sku}: ${estimates[i]} -> ${e}`).toBe(true));
      expect((p.slips ?? []).every((s) => s.reason.trim().length > 0)).toBe(true);
    }
  });

  it('has products a French customer can order two of (the e2e order)', () => {
    const orderable = demoProducts.filter(
      (p) => p.stock >= 2 && (p.maxQuantityPerOrder ?? 2) >= 2 && orderabilityIn({ status: finalStatus(p), regionBlocks: p.regionBlocks ?? [] }, 'FR').orderable,
    );
    expect(orderable.length).toBeGreaterThanOrEqual(5);
  });
});
