import { describe, expect, it } from 'vitest';
import { checkNewProduct, newProductDetails } from './new-product.js';
import { emptyProductDetails } from './product-details.js';

const valid = { sku: 'SKU-1', name: 'Saber 1/7', priceAmount: 19900, priceCurrency: 'USD', stock: 10 };

describe('checkNewProduct', () => {
  it('accepts a valid product', () => {
    expect(checkNewProduct({ ...valid, sku: ' SKU-1 ', name: ' Saber 1/7 ' })).toEqual({
      product: {
        sku: 'SKU-1',
        name: 'Saber 1/7',
        rules: { regionBlocks: [], maxQuantityPerOrder: null, maxQuantityPerCustomer: null },
        details: emptyProductDetails,
        downPayment: { required: false, amount: null },
      },
      problems: [],
    });
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
    [{ status: 'RELEASED' as const }, 'status'],
    [{ status: 'DISCONTINUED' as const }, 'status'],
    [{ limitedQuantity: 100 }, 'limitedQuantity'],
    [{ status: 'PREORDER' as const, limitedQuantity: -1 }, 'limitedQuantity'],
    [{ status: 'PREORDER' as const, limitedQuantity: -1, limitedQuantityField: 'preorderLimit' as const }, 'preorderLimit'],
  ])('refuses %o on %s', (patch, field) => {
    expect(checkNewProduct({ ...valid, ...patch }).problems.map((p) => p.field)).toEqual([field]);
  });

  it.each(['ANNOUNCED', 'PREORDER', 'IN_STOCK', 'CHINA_STOCK'] as const)('may start as %s', (status) => {
    expect(checkNewProduct({ ...valid, status }).problems).toEqual([]);
  });

  it('accepts details and a down payment, and checks them', () => {
    const details = { series: 'Demon Slayer', images: ['https://cdn.example.com/a.jpg'], scale: '1/4', parts: [{ name: 'Head', category: 'HEAD_SCULPT' }] };
    expect(checkNewProduct({ ...valid, ...details, downPayment: { required: true, amount: { amount: 5000, currency: 'USD' } } }).problems).toEqual([]);
    expect(
      checkNewProduct({
        ...valid,
        images: ['http://x.example.com/a.jpg'],
        downPayment: { required: true, amount: { amount: 19900, currency: 'USD' } },
      }).problems.map((p) => p.field),
    ).toEqual(['images.0', 'downPayment.amount.amount']);
  });

  it('starts with empty details and no down payment when none are given', () => {
    expect(newProductDetails(valid)).toEqual({ details: emptyProductDetails, downPayment: { required: false, amount: null }, problems: [] });
  });

  it('takes a limited quantity for a product created as a preorder', () => {
    expect(checkNewProduct({ ...valid, status: 'PREORDER', limitedQuantity: 100 }).problems).toEqual([]);
    expect(checkNewProduct({ ...valid, status: 'PREORDER', limitedQuantity: null }).problems).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(checkNewProduct({ sku: '', name: '', priceAmount: -1, priceCurrency: 'X', stock: -1 }).problems).toHaveLength(5);
  });
});
