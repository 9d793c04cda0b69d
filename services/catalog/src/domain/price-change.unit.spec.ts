import { describe, expect, it } from 'vitest';
import { checkPriceAmount, decidePriceChange } from './price-change.js';

const current = { amount: 50000, currency: 'USD', downPayment: { required: true, amount: 10000 } };

describe('price changes', () => {
  it('changes the amount, or nothing when it is the same', () => {
    expect(decidePriceChange(current, { amount: 45000, currency: 'USD' })).toEqual({ decision: { kind: 'CHANGE', amount: 45000 }, problems: [] });
    expect(decidePriceChange(current, { amount: 50000, currency: 'USD' })).toEqual({ decision: { kind: 'UNCHANGED' }, problems: [] });
  });

  it('refuses another currency (PRICE_CURRENCY_FIXED)', () => {
    expect(() => decidePriceChange(current, { amount: 45000, currency: 'EUR' })).toThrow(
      expect.objectContaining({ code: 'POLICY_VIOLATION', details: expect.objectContaining({ rule: 'PRICE_CURRENCY_FIXED' }) }),
    );
  });

  it('keeps the price above the required down payment', () => {
    expect(decidePriceChange(current, { amount: 10000, currency: 'USD' }).problems.map((p) => p.reason)).toEqual(['BELOW_DOWN_PAYMENT']);
  });

  it.each([[-1], [1.5], [100_000_001]])('refuses amount %s', (amount) => {
    expect(checkPriceAmount(amount).map((p) => [p.field, p.reason])).toEqual([['price.amount', 'OUT_OF_RANGE']]);
  });
});
