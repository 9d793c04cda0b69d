import { describe, expect, it } from 'vitest';
import { notOrderableReasons } from '@vitrine/contracts';
import { checkNewProduct } from '../domain/new-product.js';
import { canChangeStatus, initialProductStatuses, productStatuses, statusesWithOpenReleaseDate } from '../domain/product-status.js';
import { checkReleaseEstimate } from '../domain/release-estimate.js';
import { checkDownPayment } from '../domain/down-payment.js';
import { checkProductDetails } from '../domain/product-details.js';
import { checkSpecChangeInput, isSpecOpen } from '../domain/spec-change.js';
import { demoDetailsInput, demoPartsUpdate, demoPriceChanges, demoProductDetails, demoSpecChanges } from './demo-product-details.js';
import { demoProducts, demoStudios } from './demo-products.js';

const finalStatus = (p: (typeof demoProducts)[number]) => p.path[p.path.length - 1]!;
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
      expect(checkNewProduct({ ...p, priceCurrency: 'USD', status: p.path[0] }).problems, p.sku).toEqual([]);
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
      (p) =>
        p.stock >= 2 &&
        (p.maxQuantityPerOrder ?? 2) >= 2 &&
        notOrderableReasons({ status: finalStatus(p), regionBlocks: p.regionBlocks ?? [] }, 'FR').length === 0,
    );
    expect(orderable.length).toBeGreaterThanOrEqual(5);
  });

  it('gives every product valid details; some parts lists and down payments on expensive statues', () => {
    expect(Object.keys(demoProductDetails).sort()).toEqual(demoProducts.map((p) => p.sku).sort());
    for (const p of demoProducts) {
      const input = demoDetailsInput(p.sku);
      expect(checkProductDetails(input).problems, p.sku).toEqual([]);
      if (input.downPayment) expect(checkDownPayment(input.downPayment, { amount: p.priceAmount, currency: 'USD' }).problems, p.sku).toEqual([]);
      expect(checkNewProduct({ ...p, ...input, priceCurrency: 'USD', status: p.path[0] }).problems, p.sku).toEqual([]);
    }
    const withParts = demoProducts.filter((p) => (demoProductDetails[p.sku]!.parts ?? []).length > 0);
    const withDown = demoProducts.filter((p) => demoProductDetails[p.sku]!.downPayment !== undefined);
    expect(withParts.length).toBeGreaterThanOrEqual(3);
    expect(withDown.length).toBeGreaterThanOrEqual(3);
    expect(withDown.every((p) => p.priceAmount >= 75000)).toBe(true);
  });

  it('records spec changes only on products not yet released when seeded, and price changes that keep room for the down payment', () => {
    const bySku = new Map(demoProducts.map((p) => [p.sku, p]));
    for (const change of [...demoSpecChanges, { ...demoPartsUpdate, description: 'parts' }]) {
      expect(isSpecOpen(bySku.get(change.sku)!.path[0]), change.sku).toBe(true);
    }
    for (const change of demoSpecChanges) expect(checkSpecChangeInput(change).problems, change.sku).toEqual([]);
    expect(demoProductDetails[demoPartsUpdate.sku]!.parts).not.toContainEqual(demoPartsUpdate.add);
    // The seed shows spec history with at least one recorded change besides the parts update.
    expect(demoSpecChanges.length).toBeGreaterThanOrEqual(1);
    expect(demoPriceChanges.length).toBeGreaterThanOrEqual(2);
    for (const { sku, amount } of demoPriceChanges) {
      expect(amount, sku).not.toBe(bySku.get(sku)!.priceAmount);
      expect(amount, sku).toBeGreaterThan(demoProductDetails[sku]!.downPayment ?? 0);
    }
  });
});
