import { describe, expect, it } from 'vitest';
import { formatEstimate, formatMoney, timeLeft } from './format.js';
import { planInWords } from './payment-plan.js';

const price = { amount: 10_000, currency: 'USD' };

describe('a payment plan in plain words', () => {
  it('a deposit plan names the deposit and the balance, and full payment only where allowed', () => {
    expect(planInWords({ kind: 'DEPOSIT', depositPercent: 30, fullPaymentAllowed: false, price })).toEqual([
      'Pay a 30% deposit now ($30.00) and the balance ($70.00, plus shipping) when it is released.',
    ]);
    expect(planInWords({ kind: 'DEPOSIT', depositPercent: 30, fullPaymentAllowed: true, price })[1]).toBe('Or pay the whole $100.00 now.');
  });

  it('pay on arrival says whether a down payment is taken now', () => {
    expect(planInWords({ kind: 'PAY_ON_ARRIVAL', fullPaymentAllowed: false, price })[0]).toMatch(/^Nothing to pay now/);
    expect(planInWords({ kind: 'PAY_ON_ARRIVAL', fullPaymentAllowed: false, price, downPayment: { amount: 2_000, currency: 'USD' } })[0]).toMatch(
      /down payment of \$20\.00/,
    );
  });
});

describe('formatting', () => {
  it('money in the currency’s own minor units', () => {
    expect(formatMoney({ amount: 1_999, currency: 'USD' })).toBe('$19.99');
    expect(formatMoney({ amount: 1_999, currency: 'JPY' })).toBe('¥1,999');
  });

  it('release estimates as a month or a day', () => {
    expect(formatEstimate('2027-03')).toBe('March 2027');
    expect(formatEstimate('2027-03-15')).toBe('March 15, 2027');
  });

  it('time left in the two largest units, and closed once past', () => {
    const now = Date.UTC(2027, 0, 1);
    expect(timeLeft(now + (3 * 24 + 4) * 3_600_000 + 59_000, now)).toBe('3 days 4 hours');
    expect(timeLeft(now + 65 * 60_000, now)).toBe('1 hour 5 minutes');
    expect(timeLeft(now - 1, now)).toBe('closed');
  });
});
