import { describe, expect, it } from 'vitest';
import { presets } from '../presets/index.js';
import { cancellationQuote } from './cancellation.js';
import { at, orderFacts } from './orders.fixture.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('in-stock cancellation, deposit-store (000)', () => {
  const policy = presets['deposit-store'];
  // $150.00 figure plus a $25.00 shipping estimate, paid in full.
  const order = orderFacts({ kind: 'IN_STOCK', plan: null, total: 15000, paid: { full: 15000, shipping: 2500 } });

  it('free until processed: everything back, shipping included', () => {
    expect(cancellationQuote(policy, order, at('2026-03-02T12:00:00Z'))).toEqual({
      outcome: 'ALLOWED',
      paid: usd(17500),
      fee: usd(0),
      keptDownPayment: usd(0),
      forfeited: usd(0),
      refund: usd(17500),
      rule: { id: 'in-stock-cancellation.free-before-processing', text: 'Cancelled before the order is processed: no fee.' },
    });
  });

  it('once processed: a restocking fee of 30% of the total price', () => {
    const processed = { ...order, processedAt: at('2026-03-03T08:00:00Z') };
    expect(cancellationQuote(policy, processed, at('2026-03-03T08:00:00Z'))).toMatchObject({
      fee: usd(4500),
      refund: usd(13000),
      rule: { id: 'in-stock-cancellation.fee-once-processed', text: 'Cancelled once the order is processed: a restocking fee of 30% of the total price.' },
    });
  });

  it('an odd total rounds the fee half up: 30% of $150.05 is $45.02 (45.015)', () => {
    const odd = orderFacts({ kind: 'IN_STOCK', plan: null, total: 15005, paid: { full: 15005 }, processedAt: at('2026-03-03T08:00:00Z') });
    expect(cancellationQuote(policy, odd, at('2026-03-04T00:00:00Z'))).toMatchObject({ fee: usd(4502), refund: usd(10503) });
  });

  it('a fee larger than what was paid keeps what was paid and refunds nothing, never a negative refund', () => {
    const underpaid = orderFacts({ kind: 'IN_STOCK', plan: null, total: 15000, paid: { full: 1000 }, processedAt: at('2026-03-03T08:00:00Z') });
    expect(cancellationQuote(policy, underpaid, at('2026-03-04T00:00:00Z'))).toMatchObject({ paid: usd(1000), fee: usd(1000), refund: usd(0) });
  });

  it('refused once shipped', () => {
    const shipped = { ...order, processedAt: at('2026-03-03T08:00:00Z'), shippedAt: at('2026-03-05T08:00:00Z') };
    expect(cancellationQuote(policy, shipped, at('2026-03-05T09:00:00Z'))).toEqual({
      outcome: 'REFUSED',
      paid: usd(17500),
      fee: usd(0),
      keptDownPayment: usd(0),
      forfeited: usd(0),
      refund: usd(0),
      rule: { id: 'order-cancellation.refused-once-shipped', text: 'Orders cannot be cancelled once shipped; see the return policy instead.' },
    });
  });

  it('a milestone recorded for later has not happened yet', () => {
    const scheduled = { ...order, processedAt: at('2026-03-03T08:00:00Z') };
    expect(cancellationQuote(policy, scheduled, at('2026-03-03T07:59:59Z')).rule.id).toBe('in-stock-cancellation.free-before-processing');
  });
});

describe('in-stock cancellation, statue-store and charge-at-ship', () => {
  it('statue-store refuses once processed', () => {
    const order = orderFacts({ kind: 'IN_STOCK', plan: null, paid: { full: 20000 }, processedAt: at('2026-03-03T08:00:00Z') });
    expect(cancellationQuote(presets['statue-store'], order, at('2026-03-04T00:00:00Z'))).toMatchObject({
      outcome: 'REFUSED',
      rule: { id: 'in-stock-cancellation.refused-once-processed' },
    });
  });

  it('charge-at-ship sends the request to staff', () => {
    const order = orderFacts({ kind: 'IN_STOCK', plan: null, paid: { full: 20000 } });
    expect(cancellationQuote(presets['charge-at-ship'], order, at('2026-03-04T00:00:00Z'))).toMatchObject({
      outcome: 'STAFF_REVIEW',
      refund: usd(20000),
      rule: { id: 'in-stock-cancellation.staff-review' },
      basis: { id: 'in-stock-cancellation.free-before-processing' },
    });
  });

  it('amounts in another currency than the policy are a bug', () => {
    expect(() => cancellationQuote(presets['deposit-store'], orderFacts({ currency: 'EUR' }), at('2026-03-04T00:00:00Z'))).toThrow(
      'Amounts are in EUR but the store policy works in USD.',
    );
  });
});
