import { describe, expect, it } from 'vitest';
import { presets } from '../presets/index.js';
import { abuseFlagSuggested, expiryOutcome } from './expiry.js';
import { at, orderFacts } from './orders.fixture.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('expiryOutcome', () => {
  it('deposit-store: an unpaid balance cancels the order and keeps the deposit', () => {
    expect(expiryOutcome(presets['deposit-store'], orderFacts({ deposit: 6000, paid: { deposit: 6000 } }))).toEqual({
      kept: usd(6000),
      refund: usd(0),
      countsTowardAbuse: true,
      rule: {
        id: 'expiry.unpaid-at-deadline',
        text: 'An order still unpaid at its payment deadline is cancelled: the deposit and a non-refundable down payment are kept and anything else paid is refunded.',
      },
    });
  });

  it('pay-on-arrival: the down payment is kept, a paid shipping estimate comes back', () => {
    const order = orderFacts({ plan: 'PAY_ON_ARRIVAL', paid: { downPayment: 5000, shipping: 1200 } });
    expect(expiryOutcome(presets['pay-on-arrival'], order)).toMatchObject({ kept: usd(5000), refund: usd(1200), countsTowardAbuse: true });
  });
});

describe('abuseFlagSuggested', () => {
  const policy = presets['pay-on-arrival'];
  const now = at('2026-12-01T12:00:00Z');

  it('suggests the flag after 3 expiries within 12 months', () => {
    expect(abuseFlagSuggested(policy, [at('2026-01-10T00:00:00Z'), at('2026-06-01T00:00:00Z'), at('2026-11-30T00:00:00Z')], now)).toEqual({
      suggested: true,
      flag: 'PREORDER_ABUSE',
      rule: { id: 'abuse.suggest-flag', text: "Staff consider a preorder abuse flag once 3 of a customer's orders expire unpaid within 12 months." },
    });
  });

  it('does not count an expiry older than 12 months', () => {
    expect(abuseFlagSuggested(policy, [at('2025-11-30T00:00:00Z'), at('2026-06-01T00:00:00Z'), at('2026-11-30T00:00:00Z')], now).suggested).toBe(false);
  });

  it('a policy without a threshold never suggests', () => {
    expect(abuseFlagSuggested(presets['statue-store'], [now, now, now], now)).toMatchObject({ suggested: false, flag: null });
  });
});
