import { describe, expect, it } from 'vitest';
import { checkReferenceItemPriced, perItemMethods } from './per-item-card.js';
import { estimateShipping, type MeasuredProduct } from './estimate.js';
import { testTable } from './test-table.fixture.js';

describe('per-item rates (ShippingRatesPublished v1)', () => {
  it('prices one and two reference items per zone, from the first origin of each method code', () => {
    // One reference item: 1,000 g, 300x200x100 mm = 1,200 g volumetric; two: 300x200x200 = 2,400 g.
    expect(perItemMethods(testTable())).toEqual([
      {
        code: 'STANDARD',
        label: 'Standard',
        zones: [
          { countries: ['FR', 'DE'], firstItem: 1_500, additionalItem: 1_000 },
          { countries: [], firstItem: 3_300, additionalItem: 1_100 },
        ],
      },
    ]);
  });

  it('refuses a table where two reference items fit no bracket', () => {
    expect(checkReferenceItemPriced(testTable())).toEqual([]);
    const capped = testTable();
    capped.methods[0]!.rates[1]!.perExtraKg = null;
    expect(checkReferenceItemPriced(capped).map((p) => `${p.field}:${p.reason}`)).toEqual(['methods.0.rates.1:REFERENCE_ITEM_NOT_PRICED']);
  });
});

describe('estimateShipping', () => {
  const products = new Map<string, MeasuredProduct>([
    ['fig', { productId: 'fig', weightGrams: 900, dimensions: { lengthMm: 300, widthMm: 200, heightMm: 100 } }],
    ['bare', { productId: 'bare', weightGrams: null, dimensions: null }],
  ]);

  it('packs the items together and prices the parcel', () => {
    const result = estimateShipping(testTable(), products, { items: [{ productId: 'fig', quantity: 2 }], country: 'FR', method: 'STANDARD', origin: null });
    expect(result).toMatchObject({ ok: true, price: { chargeableGrams: 2_400, amount: 2_500 } });
  });

  it('lists every problem: unknown country, unknown product, unmeasured product, bad quantity', () => {
    const result = estimateShipping(testTable(), products, {
      items: [
        { productId: 'nope', quantity: 1 },
        { productId: 'bare', quantity: 0 },
      ],
      country: 'QQ',
      method: 'STANDARD',
      origin: null,
    });
    expect(result.ok ? [] : result.problems.map((p) => `${p.field}:${p.reason}`)).toEqual([
      'destination:UNKNOWN_COUNTRY',
      'items.0.productId:UNKNOWN_PRODUCT',
      'items.1.quantity:OUT_OF_RANGE',
      'items.1.productId:NOT_MEASURED',
    ]);
  });
});
