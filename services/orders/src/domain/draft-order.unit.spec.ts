import { describe, expect, it } from 'vitest';
import { draftOrder, type Orderer, type PricedProduct } from './draft-order.js';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';
const c = '00000000-0000-4000-8000-00000000000c';
const rules = { status: 'IN_STOCK', regionBlocks: [] as string[], maxQuantityPerOrder: null as number | null };
const products = new Map<string, PricedProduct>([
  [a, { id: a, priceAmount: 1000, priceCurrency: 'USD', ...rules }],
  [b, { id: b, priceAmount: 250, priceCurrency: 'USD', ...rules }],
]);
const limits = { maxLines: 3, maxQuantityPerLine: 5 };
const inDE: Orderer = { country: 'DE' };

describe('draftOrder', () => {
  it('prices the lines from the known products', () => {
    expect(
      draftOrder(
        [
          { productId: a, quantity: 2 },
          { productId: b, quantity: 1 },
        ],
        products,
        limits,
        inDE,
      ),
    ).toEqual({
      ok: true,
      lines: [
        { productId: a, quantity: 2, unitPriceAmount: 1000 },
        { productId: b, quantity: 1, unitPriceAmount: 250 },
      ],
      totalAmount: 2250,
      currency: 'USD',
    });
  });

  it.each([
    [0, 'OUT_OF_RANGE'],
    [-1, 'OUT_OF_RANGE'],
    [6, 'OUT_OF_RANGE'],
    [2_000_000_000, 'OUT_OF_RANGE'],
  ])('refuses quantity %d', (quantity, reason) => {
    const result = draftOrder([{ productId: a, quantity }], products, limits, inDE);
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'lines.0.quantity', reason })] });
  });

  it('reports unknown and malformed products with the line they are on', () => {
    const result = draftOrder(
      [
        { productId: 'nope', quantity: 1 },
        { productId: '00000000-0000-4000-8000-0000000000ff', quantity: 1 },
      ],
      products,
      limits,
      inDE,
    );
    expect(result.ok ? [] : result.problems.map((p) => [p.field, p.reason])).toEqual([
      ['lines.0.productId', 'MALFORMED_ID'],
      ['lines.1.productId', 'UNKNOWN_PRODUCT'],
    ]);
  });

  it('refuses empty orders and too many lines', () => {
    expect(draftOrder([], products, limits, inDE)).toMatchObject({ ok: false, problems: [{ reason: 'EMPTY' }] });
    const many = Array.from({ length: 4 }, () => ({ productId: a, quantity: 1 }));
    expect(draftOrder(many, products, limits, inDE)).toMatchObject({ ok: false, problems: [{ reason: 'TOO_MANY_LINES' }] });
  });

  it('refuses mixing currencies in one order', () => {
    const mixed = new Map(products).set(b, { id: b, priceAmount: 1, priceCurrency: 'EUR', ...rules });
    expect(
      draftOrder(
        [
          { productId: a, quantity: 1 },
          { productId: b, quantity: 1 },
        ],
        mixed,
        limits,
        inDE,
      ),
    ).toMatchObject({
      ok: false,
      problems: [{ reason: 'MIXED_CURRENCIES' }],
    });
  });

  it('keeps preorders and items for sale now in separate orders', () => {
    const catalog = new Map(products);
    const p1 = '00000000-0000-4000-8000-0000000000f1';
    const p2 = '00000000-0000-4000-8000-0000000000f2';
    catalog.set(p1, { id: p1, priceAmount: 5000, priceCurrency: 'USD', ...rules, status: 'PREORDER' });
    catalog.set(p2, { id: p2, priceAmount: 7000, priceCurrency: 'USD', ...rules, status: 'PREORDER' });
    expect(
      draftOrder(
        [
          { productId: a, quantity: 1 },
          { productId: p1, quantity: 1 },
        ],
        catalog,
        limits,
        inDE,
      ),
    ).toEqual({
      ok: false,
      problems: [expect.objectContaining({ field: 'lines', reason: 'MIXED_PREORDER_AND_STOCK' })],
    });
    expect(
      draftOrder(
        [
          { productId: p1, quantity: 1 },
          { productId: p2, quantity: 2 },
        ],
        catalog,
        limits,
        inDE,
      ),
    ).toMatchObject({ ok: true, totalAmount: 19000 });
    expect(
      draftOrder(
        [
          { productId: a, quantity: 1 },
          { productId: b, quantity: 2 },
        ],
        catalog,
        limits,
        inDE,
      ),
    ).toMatchObject({ ok: true });
  });

  describe('orderability and the per-order limit', () => {
    const withRules = (overrides: Partial<PricedProduct>) =>
      new Map(products).set(c, { id: c, priceAmount: 500, priceCurrency: 'USD', ...rules, ...overrides });
    const reasons = (result: ReturnType<typeof draftOrder>) => (result.ok ? [] : result.problems.map((p) => [p.field, p.reason]));

    it.each(['ANNOUNCED', 'PREORDER_CLOSED', 'SOLD_OUT', 'DISCONTINUED', 'SOME_FUTURE_STATUS'])('refuses a %s product with NOT_ORDERABLE', (status) => {
      const result = draftOrder([{ productId: c, quantity: 1 }], withRules({ status }), limits, inDE);
      expect(reasons(result)).toEqual([['lines.0.productId', 'NOT_ORDERABLE']]);
    });

    it.each(['PREORDER', 'IN_STOCK', 'CHINA_STOCK', 'RELEASED'])('accepts a %s product', (status) => {
      expect(draftOrder([{ productId: c, quantity: 1 }], withRules({ status }), limits, inDE)).toMatchObject({ ok: true, totalAmount: 500 });
    });

    it("refuses a product blocked in the customer's country, naming it, and accepts it elsewhere", () => {
      const blocked = withRules({ regionBlocks: ['FR', 'JP'] });
      const result = draftOrder([{ productId: c, quantity: 1 }], blocked, limits, { country: 'FR' });
      expect(result).toEqual({
        ok: false,
        problems: [expect.objectContaining({ field: 'lines.0.productId', reason: 'BLOCKED_IN_REGION', message: expect.stringContaining('FR') })],
      });
      expect(draftOrder([{ productId: c, quantity: 1 }], blocked, limits, inDE)).toMatchObject({ ok: true });
    });

    it("asks to retry (REGION_UNKNOWN) when a product has region blocks and the customer's country has not arrived yet", () => {
      const result = draftOrder([{ productId: c, quantity: 1 }], withRules({ regionBlocks: ['FR'] }), limits, { country: null });
      expect(reasons(result)).toEqual([['lines.0.productId', 'REGION_UNKNOWN']]);
    });

    it('does not need the country for products without region blocks', () => {
      expect(draftOrder([{ productId: a, quantity: 1 }], products, limits, { country: null })).toMatchObject({ ok: true });
    });

    it('refuses more than the per-order limit, summed over the lines of the same product, on each of them', () => {
      const limited = withRules({ maxQuantityPerOrder: 2 });
      expect(reasons(draftOrder([{ productId: c, quantity: 3 }], limited, limits, inDE))).toEqual([['lines.0.quantity', 'OVER_PRODUCT_LIMIT']]);
      // The limit and the total travel as facts, for a client's own words.
      expect(draftOrder([{ productId: c, quantity: 3 }], limited, limits, inDE)).toMatchObject({ ok: false, problems: [{ max: 2, total: 3 }] });
      expect(
        reasons(
          draftOrder(
            [
              { productId: c, quantity: 2 },
              { productId: a, quantity: 1 },
              { productId: c, quantity: 1 },
            ],
            limited,
            limits,
            inDE,
          ),
        ),
      ).toEqual([
        ['lines.0.quantity', 'OVER_PRODUCT_LIMIT'],
        ['lines.2.quantity', 'OVER_PRODUCT_LIMIT'],
      ]);
      expect(
        draftOrder(
          [
            { productId: c, quantity: 1 },
            { productId: c, quantity: 1 },
          ],
          limited,
          limits,
          inDE,
        ),
      ).toMatchObject({ ok: true, totalAmount: 1000 });
    });

    it('reports every rule broken at once, each on its line', () => {
      const both = new Map(products)
        .set(c, { id: c, priceAmount: 500, priceCurrency: 'USD', status: 'DISCONTINUED', regionBlocks: ['FR'], maxQuantityPerOrder: 1 })
        .set(b, { id: b, priceAmount: 250, priceCurrency: 'USD', ...rules, regionBlocks: ['FR'] });
      const result = draftOrder(
        [
          { productId: c, quantity: 2 },
          { productId: b, quantity: 1 },
          { productId: a, quantity: 1 },
        ],
        both,
        limits,
        { country: 'FR' },
      );
      expect(reasons(result)).toEqual([
        ['lines.0.productId', 'NOT_ORDERABLE'],
        ['lines.0.productId', 'BLOCKED_IN_REGION'],
        ['lines.0.quantity', 'OVER_PRODUCT_LIMIT'],
        ['lines.1.productId', 'BLOCKED_IN_REGION'],
      ]);
    });
  });
});
