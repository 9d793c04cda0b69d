import { describe, expect, it } from 'vitest';
import { overCustomerLimit } from './customer-limit.js';

describe('overCustomerLimit', () => {
  it('counts what the customer already holds on other orders', () => {
    expect(overCustomerLimit([{ productId: 'p', held: 2, wanted: 1, limit: 3 }])).toEqual([]);
    expect(overCustomerLimit([{ productId: 'p', held: 2, wanted: 2, limit: 3 }])).toEqual([
      {
        field: 'lines',
        reason: 'OVER_CUSTOMER_LIMIT',
        message: 'At most 3 of this product per customer: you already have 2 on order.',
        productId: 'p',
        limit: 3,
        held: 2,
      },
    ]);
  });

  it('a first order above the limit is refused too; no limit means none', () => {
    expect(overCustomerLimit([{ productId: 'p', held: 0, wanted: 4, limit: 3 }])[0]?.message).toBe('At most 3 of this product per customer.');
    expect(overCustomerLimit([{ productId: 'p', held: 50, wanted: 50, limit: null }])).toEqual([]);
  });
});
