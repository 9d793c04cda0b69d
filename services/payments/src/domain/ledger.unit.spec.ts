import { describe, expect, it } from 'vitest';
import { assertBalanced, imbalances, isBalanced, journal, type Posting } from './ledger.js';

const a = '00000000-0000-4000-8000-00000000000a';
const charge: Posting[] = [
  { account: 'PROVIDER_CLEARING', amount: 23500, currency: 'USD', orderId: a, chargeId: 'ch_1' },
  { account: 'DEFERRED_REVENUE', amount: -20000, currency: 'USD', orderId: a },
  { account: 'SHIPPING_COLLECTED', amount: -3500, currency: 'USD', orderId: a },
];

describe('balanced transactions', () => {
  it('a transaction whose debits equal its credits in each currency is balanced', () => {
    expect(isBalanced({ postings: charge })).toBe(true);
    expect(imbalances({ postings: charge })).toEqual([]);
    expect(() => assertBalanced({ postings: charge })).not.toThrow();
  });

  it('balances per currency: equal totals across two currencies do not balance', () => {
    const mixed: Posting[] = [
      { account: 'PROVIDER_CLEARING', amount: 1000, currency: 'USD' },
      { account: 'DEFERRED_REVENUE', amount: -1000, currency: 'EUR' },
    ];
    expect(isBalanced({ postings: mixed })).toBe(false);
    expect(imbalances({ postings: mixed })).toEqual([
      { currency: 'EUR', amount: -1000 },
      { currency: 'USD', amount: 1000 },
    ]);
    expect(() => assertBalanced({ postings: mixed })).toThrow('Unbalanced transaction: EUR -1000, USD +1000.');
  });

  it('a fraction of a minor unit is never balanced', () => {
    const fractions: Posting[] = [
      { account: 'PROVIDER_CLEARING', amount: 0.5, currency: 'USD' },
      { account: 'DEFERRED_REVENUE', amount: -0.5, currency: 'USD' },
    ];
    expect(isBalanced({ postings: fractions })).toBe(false);
    expect(() => assertBalanced({ postings: fractions })).toThrow('A posting to PROVIDER_CLEARING is not a whole number of minor units: 0.5.');
  });

  it('journal drops zero postings and refuses an empty or unbalanced transaction', () => {
    expect(journal('CHARGE_CAPTURED', 'FULL_PAYMENT', [...charge, { account: 'CUSTOMER_DEPOSITS_HELD', amount: 0, currency: 'USD' }])).toEqual({
      kind: 'CHARGE_CAPTURED',
      reason: 'FULL_PAYMENT',
      postings: charge,
    });
    expect(() => journal('ORDER_SHIPPED', null, [{ account: 'REVENUE', amount: 0, currency: 'USD' }])).toThrow('needs at least one non-zero posting');
    expect(() => journal('ORDER_SHIPPED', null, charge.slice(0, 2))).toThrow('Unbalanced transaction: USD +3500.');
  });
});
