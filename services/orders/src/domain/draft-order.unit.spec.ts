import { describe, expect, it } from 'vitest';
import { draftOrder } from './draft-order.js';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';
const products = new Map([
  [a, { id: a, priceAmount: 1000, priceCurrency: 'USD' }],
  [b, { id: b, priceAmount: 250, priceCurrency: 'USD' }],
]);
const limits = { maxLines: 3, maxQuantityPerLine: 5 };

describe('draftOrder', () => {
  it('prices the lines from the known products', () => {
    expect(draftOrder([{ productId: a, quantity: 2 }, { productId: b, quantity: 1 }], products, limits)).toEqual({
      ok: true,
      lines: [{ productId: a, quantity: 2, unitPriceAmount: 1000 }, { productId: b, quantity: 1, unitPriceAmount: 250 }],
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
    const result = draftOrder([{ productId: a, quantity }], products, limits);
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'lines.0.quantity', reason })] });
  });

  it('reports unknown and malformed products with the line they are on', () => {
    const result = draftOrder([{ productId: 'nope', quantity: 1 }, { productId: '00000000-0000-4000-8000-0000000000ff', quantity: 1 }], products, limits);
    expect(result.ok ? [] : result.problems.map((p) => [p.field, p.reason])).toEqual([
      ['lines.0.productId', 'MALFORMED_ID'],
      ['lines.1.productId', 'UNKNOWN_PRODUCT'],
    ]);
  });

  it('refuses empty orders and too many lines', () => {
    expect(draftOrder([], products, limits)).toMatchObject({ ok: false, problems: [{ reason: 'EMPTY' }] });
    const many = Array.from({ length: 4 }, () => ({ productId: a, quantity: 1 }));
    expect(draftOrder(many, products, limits)).toMatchObject({ ok: false, problems: [{ reason: 'TOO_MANY_LINES' }] });
  });

  it('refuses mixing currencies in one order', () => {
    const mixed = new Map(products).set(b, { id: b, priceAmount: 1, priceCurrency: 'EUR' });
    expect(draftOrder([{ productId: a, quantity: 1 }, { productId: b, quantity: 1 }], mixed, limits)).toMatchObject({
      ok: false,
      problems: [{ reason: 'MIXED_CURRENCIES' }],
    });
  });
});
