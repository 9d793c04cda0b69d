import { describe, expect, it } from 'vitest';
import { checkDownPayment, checkPriceAboveDownPayment } from './down-payment.js';

const price = { amount: 99900, currency: 'USD' };
const reasons = (input: Parameters<typeof checkDownPayment>[0]) => checkDownPayment(input, price).problems.map((p) => [p.field, p.reason]);

describe('checkDownPayment', () => {
  it('accepts none, or a positive amount below the price in its currency', () => {
    expect(checkDownPayment({ required: false }, price)).toEqual({ downPayment: { required: false, amount: null }, problems: [] });
    expect(checkDownPayment({ required: true, amount: { amount: 20000, currency: 'USD' } }, price)).toEqual({
      downPayment: { required: true, amount: 20000 },
      problems: [],
    });
  });

  it.each([
    [{ required: true }, [['downPayment.amount', 'REQUIRED']]],
    [{ required: true, amount: { amount: 0, currency: 'USD' } }, [['downPayment.amount.amount', 'OUT_OF_RANGE']]],
    [{ required: true, amount: { amount: -100, currency: 'USD' } }, [['downPayment.amount.amount', 'OUT_OF_RANGE']]],
    [{ required: true, amount: { amount: 99900, currency: 'USD' } }, [['downPayment.amount.amount', 'OUT_OF_RANGE']]],
    [{ required: true, amount: { amount: 100.5, currency: 'USD' } }, [['downPayment.amount.amount', 'OUT_OF_RANGE']]],
    [{ required: true, amount: { amount: 20000, currency: 'EUR' } }, [['downPayment.amount.currency', 'CURRENCY_MISMATCH']]],
    [{ required: false, amount: { amount: 20000, currency: 'USD' } }, [['downPayment.amount', 'NOT_REQUIRED']]],
  ])('refuses %o', (input, expected) => {
    expect(reasons(input)).toEqual(expected);
  });
});

describe('checkPriceAboveDownPayment', () => {
  it('keeps the price above a required down payment', () => {
    expect(checkPriceAboveDownPayment(30000, { required: true, amount: 20000 })).toEqual([]);
    expect(checkPriceAboveDownPayment(20000, { required: true, amount: 20000 }).map((p) => p.reason)).toEqual(['BELOW_DOWN_PAYMENT']);
    expect(checkPriceAboveDownPayment(0, { required: false, amount: null })).toEqual([]);
  });
});
