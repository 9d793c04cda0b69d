import { describe, expect, it } from 'vitest';
import { presets } from '../presets/index.js';
import { cancellationQuote } from './cancellation.js';
import { at, orderFacts } from './orders.fixture.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('preorder cancellation, deposit-store (000)', () => {
  const policy = presets['deposit-store'];
  // Placed Monday 2 March 2026, 11:00 in Paris; the $60.00 deposit (30% of $200.00) paid a day later.
  const order = orderFacts({ deposit: 6000, paid: { deposit: 6000 }, placedAt: at('2026-03-02T10:00:00Z'), depositPaidAt: at('2026-03-03T09:00:00Z') });

  it('at 23 hours after paying the deposit: no fee, the whole deposit back', () => {
    expect(cancellationQuote(policy, order, at('2026-03-04T08:00:00Z'))).toEqual({
      outcome: 'ALLOWED',
      paid: usd(6000),
      fee: usd(0),
      keptDownPayment: usd(0),
      forfeited: usd(0),
      refund: usd(6000),
      rule: { id: 'preorder-cancellation.free-within-deposit-window', text: 'Cancelled within 24 hours of paying the deposit: no fee.' },
    });
  });

  it('at exactly 24 hours the free window has closed: 50% of the deposit', () => {
    const quote = cancellationQuote(policy, order, at('2026-03-04T09:00:00Z'));
    expect(quote.rule.id).toBe('preorder-cancellation.restocking-fee-within-order-window');
    expect(quote.fee).toEqual(usd(3000));
  });

  it('at 3 days after the order: a fee of 50% of the deposit', () => {
    expect(cancellationQuote(policy, order, at('2026-03-05T10:00:00Z'))).toEqual({
      outcome: 'ALLOWED',
      paid: usd(6000),
      fee: usd(3000),
      keptDownPayment: usd(0),
      forfeited: usd(0),
      refund: usd(3000),
      rule: {
        id: 'preorder-cancellation.restocking-fee-within-order-window',
        text: 'Cancelled within 7 days of placing the order: a fee of 50% of the deposit.',
      },
    });
  });

  it('the 7-day clock runs from the order to the end of 9 March in Paris (23:00 UTC)', () => {
    expect(cancellationQuote(policy, order, at('2026-03-09T22:59:59Z')).fee).toEqual(usd(3000));
    expect(cancellationQuote(policy, order, at('2026-03-09T23:00:00Z')).rule.id).toBe('preorder-cancellation.no-refund-after-windows');
  });

  it('at 8 days after the order: cancelled, nothing refunded', () => {
    expect(cancellationQuote(policy, order, at('2026-03-10T10:00:00Z'))).toEqual({
      outcome: 'ALLOWED',
      paid: usd(6000),
      fee: usd(0),
      keptDownPayment: usd(0),
      forfeited: usd(6000),
      refund: usd(0),
      rule: {
        id: 'preorder-cancellation.no-refund-after-windows',
        text: 'Cancelled more than 7 days after placing the order: the order is cancelled and nothing is refunded.',
      },
    });
  });

  it('the 24-hour clock runs from the deposit payment: a deposit paid late is still free to cancel past the 7 days', () => {
    const late = orderFacts({ deposit: 6000, paid: { deposit: 6000 }, placedAt: at('2026-03-02T10:00:00Z'), depositPaidAt: at('2026-03-09T12:00:00Z') });
    expect(cancellationQuote(policy, late, at('2026-03-10T10:00:00Z'))).toMatchObject({
      refund: usd(6000),
      rule: { id: 'preorder-cancellation.free-within-deposit-window' },
    });
  });

  it('an odd deposit rounds the fee half up: 50% of $60.01 is $30.01', () => {
    const odd = orderFacts({ deposit: 6001, paid: { deposit: 6001 }, depositPaidAt: at('2026-03-02T10:05:00Z') });
    expect(cancellationQuote(policy, odd, at('2026-03-05T10:00:00Z'))).toMatchObject({ fee: usd(3001), refund: usd(3000) });
  });

  it('a full payment pays the fee on the deposit the terms set and gets the rest back', () => {
    const full = orderFacts({ deposit: 6000, paid: { full: 20000, shipping: 2500 }, depositPaidAt: at('2026-03-02T10:05:00Z') });
    expect(cancellationQuote(policy, full, at('2026-03-05T10:00:00Z'))).toMatchObject({ paid: usd(22500), fee: usd(3000), refund: usd(19500) });
  });

  it('an order not yet paid can be cancelled at no cost', () => {
    const unpaid = orderFacts({ deposit: 6000 });
    expect(cancellationQuote(policy, unpaid, at('2026-03-05T10:00:00Z'))).toMatchObject({ paid: usd(0), fee: usd(0), refund: usd(0) });
  });
});

describe('preorder cancellation, pay-on-arrival (004)', () => {
  const policy = presets['pay-on-arrival'];
  const placedAt = at('2026-03-02T15:00:00Z');

  it('any time before arrival at the warehouse, no fee, nothing paid so nothing back', () => {
    const quote = cancellationQuote(policy, orderFacts({ plan: 'PAY_ON_ARRIVAL', placedAt }), at('2026-09-30T12:00:00Z'));
    expect(quote).toMatchObject({ outcome: 'ALLOWED', refund: usd(0), keptDownPayment: usd(0) });
    expect(quote.rule).toEqual({
      id: 'preorder-cancellation.free-before-arrived-at-warehouse',
      text: 'Cancelled before the item arrives at our warehouse: no fee.',
    });
  });

  it('keeps a non-refundable down payment', () => {
    const order = orderFacts({ plan: 'PAY_ON_ARRIVAL', placedAt, total: 40000, paid: { downPayment: 5000 } });
    expect(cancellationQuote(policy, order, at('2026-09-30T12:00:00Z'))).toEqual({
      outcome: 'ALLOWED',
      paid: usd(5000),
      fee: usd(0),
      keptDownPayment: usd(5000),
      forfeited: usd(0),
      refund: usd(0),
      rule: {
        id: 'preorder-cancellation.free-before-arrived-at-warehouse',
        text: 'Cancelled before the item arrives at our warehouse: no fee. The non-refundable down payment is kept.',
      },
    });
  });

  it('is refused once the item has arrived at the warehouse', () => {
    const order = orderFacts({ plan: 'PAY_ON_ARRIVAL', placedAt, arrivedAtWarehouseAt: at('2026-09-01T12:00:00Z') });
    expect(cancellationQuote(policy, order, at('2026-09-01T12:00:00Z'))).toMatchObject({
      outcome: 'REFUSED',
      refund: usd(0),
      rule: { id: 'preorder-cancellation.refused-once-arrived-at-warehouse', text: 'Preorders cannot be cancelled once the item arrives at our warehouse.' },
    });
  });

  it('an open spec-change right refunds the down payment too, until it closes', () => {
    const order = orderFacts({
      plan: 'PAY_ON_ARRIVAL',
      placedAt,
      paid: { downPayment: 5000 },
      openCancellationRight: { reason: 'SPEC_CHANGE', closesAt: at('2026-06-25T04:00:00Z') },
    });
    expect(cancellationQuote(policy, order, at('2026-06-25T03:59:59Z'))).toMatchObject({
      outcome: 'ALLOWED',
      keptDownPayment: usd(0),
      refund: usd(5000),
      rule: { id: 'cancellation-right.on-spec-change' },
    });
    expect(cancellationQuote(policy, order, at('2026-06-25T04:00:00Z'))).toMatchObject({ keptDownPayment: usd(5000), refund: usd(0) });
  });
});

describe('preorder cancellation, charge-at-ship (003)', () => {
  const policy = presets['charge-at-ship'];

  it('may be refused: staff review the request, with the amounts that apply if they accept', () => {
    const quote = cancellationQuote(policy, orderFacts({ plan: 'CHARGE_AT_SHIP' }), at('2026-04-01T00:00:00Z'));
    expect(quote).toMatchObject({
      outcome: 'STAFF_REVIEW',
      refund: usd(0),
      rule: { id: 'preorder-cancellation.staff-review' },
      basis: { id: 'preorder-cancellation.free-before-shipping-date-confirmed' },
    });
  });

  it('is refused once the shipping date is confirmed (the card is charged that day)', () => {
    const order = orderFacts({ plan: 'CHARGE_AT_SHIP', shippingDateConfirmedAt: at('2026-05-01T00:00:00Z'), paid: { full: 20000 } });
    expect(cancellationQuote(policy, order, at('2026-05-02T00:00:00Z'))).toMatchObject({
      outcome: 'REFUSED',
      rule: { id: 'preorder-cancellation.refused-once-shipping-date-confirmed' },
    });
  });
});
