import { describe, expect, it } from 'vitest';
import { checkNewProduct } from './new-product.js';

const valid = { sku: 'SKU-1', name: 'Saber 1/7', priceAmount: 19900, priceCurrency: 'USD', stock: 10 };

describe('checkNewProduct', () => {
  it('accepts a valid product', () => {
    expect(checkNewProduct(valid)).toEqual([]);
  });

  it.each([
    [{ sku: '' }, 'sku'],
    [{ sku: 'has space' }, 'sku'],
    [{ name: '  ' }, 'name'],
    [{ priceAmount: -1 }, 'price.amount'],
    [{ priceAmount: 1.5 }, 'price.amount'],
    [{ priceCurrency: 'usd' }, 'price.currency'],
    [{ stock: -3 }, 'stock'],
    [{ stock: 10_000_000 }, 'stock'],
  ])('refuses %o on %s', (patch, field) => {
    expect(checkNewProduct({ ...valid, ...patch }).map((p) => p.field)).toEqual([field]);
  });

  it('reports every problem at once', () => {
    expect(checkNewProduct({ sku: '', name: '', priceAmount: -1, priceCurrency: 'X', stock: -1 })).toHaveLength(5);
  });
});
