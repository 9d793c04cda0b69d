import { describe, expect, it } from 'vitest';
import { BadUserInput, Conflict, DomainError, PolicyViolation } from '@vitrine/platform/domain';
import { chargeCaptured, feeKept, orderShipped, refundDecided, refundPaidOut } from './ledger-movements.js';
import type { JournalTransaction, RecordedTransaction } from './ledger.js';
import { money } from './money.js';
import { orderPosition } from './order-position.js';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';
const usd = (amount: number) => money(amount, 'USD');
const recorded = (txs: JournalTransaction[]): RecordedTransaction[] => txs.map((tx, i) => ({ ...tx, id: `tx${i + 1}`, sequence: i + 1 }));
const positionOf = (orderId: string, ...txs: JournalTransaction[]) => orderPosition(orderId, 'USD', recorded(txs));

// A 1,000.00 USD statue on the deposit plan: 200.00 deposit, then 800.00 balance + 35.00 shipping.
const deposit = chargeCaptured({ chargeId: 'ch_dep', purpose: 'DEPOSIT', currency: 'USD', parts: [{ orderId: a, product: 20000, shipping: 0 }] });
const balance = chargeCaptured({ chargeId: 'ch_bal', purpose: 'BALANCE', currency: 'USD', parts: [{ orderId: a, product: 80000, shipping: 3500 }] });

const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('chargeCaptured', () => {
  it('holds a deposit as a customer liability', () => {
    expect(deposit).toEqual({
      kind: 'CHARGE_CAPTURED',
      reason: 'DEPOSIT',
      postings: [
        { account: 'PROVIDER_CLEARING', amount: 20000, currency: 'USD', orderId: a, chargeId: 'ch_dep' },
        { account: 'CUSTOMER_DEPOSITS_HELD', amount: -20000, currency: 'USD', orderId: a },
      ],
    });
  });

  it('splits a balance into deferred revenue and shipping collected', () => {
    expect(balance.postings).toEqual([
      { account: 'PROVIDER_CLEARING', amount: 83500, currency: 'USD', orderId: a, chargeId: 'ch_bal' },
      { account: 'DEFERRED_REVENUE', amount: -80000, currency: 'USD', orderId: a },
      { account: 'SHIPPING_COLLECTED', amount: -3500, currency: 'USD', orderId: a },
    ]);
  });

  it('posts a bulk charge per order: one clearing share per order, tagged with the same charge', () => {
    const bulk = chargeCaptured({
      chargeId: 'ch_bulk',
      purpose: 'BALANCE',
      currency: 'USD',
      parts: [
        { orderId: a, product: 80000, shipping: 3500 },
        { orderId: b, product: 45000, shipping: 1200 },
      ],
    });
    expect(bulk.postings).toEqual([
      { account: 'PROVIDER_CLEARING', amount: 83500, currency: 'USD', orderId: a, chargeId: 'ch_bulk' },
      { account: 'DEFERRED_REVENUE', amount: -80000, currency: 'USD', orderId: a },
      { account: 'SHIPPING_COLLECTED', amount: -3500, currency: 'USD', orderId: a },
      { account: 'PROVIDER_CLEARING', amount: 46200, currency: 'USD', orderId: b, chargeId: 'ch_bulk' },
      { account: 'DEFERRED_REVENUE', amount: -45000, currency: 'USD', orderId: b },
      { account: 'SHIPPING_COLLECTED', amount: -1200, currency: 'USD', orderId: b },
    ]);
  });

  it('collects an extra shipping invoice as shipping only', () => {
    const extra = chargeCaptured({ chargeId: 'ch_x', purpose: 'EXTRA_SHIPPING', currency: 'USD', parts: [{ orderId: a, product: 0, shipping: 850 }] });
    expect(extra.postings).toEqual([
      { account: 'PROVIDER_CLEARING', amount: 850, currency: 'USD', orderId: a, chargeId: 'ch_x' },
      { account: 'SHIPPING_COLLECTED', amount: -850, currency: 'USD', orderId: a },
    ]);
    expect(() => chargeCaptured({ chargeId: 'ch_x', purpose: 'EXTRA_SHIPPING', currency: 'USD', parts: [{ orderId: a, product: 1, shipping: 850 }] })).toThrow(
      RangeError,
    );
  });

  it('treats a malformed charge as a bug', () => {
    const charge = (parts: { orderId: string; product: number; shipping: number }[]) => () =>
      chargeCaptured({ chargeId: 'ch', purpose: 'BALANCE', currency: 'USD', parts });
    expect(charge([])).toThrow(RangeError);
    expect(charge([{ orderId: a, product: 0, shipping: 0 }])).toThrow(RangeError);
    expect(charge([{ orderId: a, product: -5, shipping: 10 }])).toThrow(RangeError);
    expect(
      charge([
        { orderId: a, product: 5, shipping: 0 },
        { orderId: a, product: 5, shipping: 0 },
      ]),
    ).toThrow(RangeError);
  });
});

describe('orderShipped', () => {
  it('turns everything held into revenue and shipping revenue', () => {
    const shipped = orderShipped(positionOf(a, deposit, balance));
    expect(shipped).toEqual({
      kind: 'ORDER_SHIPPED',
      reason: null,
      postings: [
        { account: 'CUSTOMER_DEPOSITS_HELD', amount: 20000, currency: 'USD', orderId: a },
        { account: 'DEFERRED_REVENUE', amount: 80000, currency: 'USD', orderId: a },
        { account: 'REVENUE', amount: -100000, currency: 'USD', orderId: a },
        { account: 'SHIPPING_COLLECTED', amount: 3500, currency: 'USD', orderId: a },
        { account: 'SHIPPING_REVENUE', amount: -3500, currency: 'USD', orderId: a },
      ],
    });
    expect(positionOf(a, deposit, balance, shipped!)).toMatchObject({
      held: 0,
      balances: { CUSTOMER_DEPOSITS_HELD: 0, DEFERRED_REVENUE: 0, SHIPPING_COLLECTED: 0, REVENUE: 100000, SHIPPING_REVENUE: 3500, FEES_EARNED: 0 },
    });
  });

  it('posts nothing when nothing is held', () => {
    expect(orderShipped(positionOf(a))).toBeNull();
  });
});

describe('feeKept', () => {
  it('a forfeited deposit becomes a fee earned', () => {
    expect(feeKept({ reason: 'DEPOSIT_FORFEITED', amount: usd(20000) }, positionOf(a, deposit))).toEqual({
      kind: 'FEE_KEPT',
      reason: 'DEPOSIT_FORFEITED',
      postings: [
        { account: 'CUSTOMER_DEPOSITS_HELD', amount: 20000, currency: 'USD', orderId: a },
        { account: 'FEES_EARNED', amount: -20000, currency: 'USD', orderId: a },
      ],
    });
  });

  it('a cancellation fee comes from the deposit first, then the product payments', () => {
    expect(feeKept({ reason: 'CANCELLATION_FEE', amount: usd(30000) }, positionOf(a, deposit, balance)).postings).toEqual([
      { account: 'CUSTOMER_DEPOSITS_HELD', amount: 20000, currency: 'USD', orderId: a },
      { account: 'DEFERRED_REVENUE', amount: 10000, currency: 'USD', orderId: a },
      { account: 'FEES_EARNED', amount: -30000, currency: 'USD', orderId: a },
    ]);
  });

  it('a restocking fee on a returned order is taken from its revenue', () => {
    const shipped = orderShipped(positionOf(a, deposit, balance))!;
    expect(feeKept({ reason: 'RESTOCKING_FEE', amount: usd(30000) }, positionOf(a, deposit, balance, shipped)).postings).toEqual([
      { account: 'REVENUE', amount: 30000, currency: 'USD', orderId: a },
      { account: 'FEES_EARNED', amount: -30000, currency: 'USD', orderId: a },
    ]);
  });

  it('refuses a forfeit above the deposit held, and a zero fee', () => {
    const error = refusal(() => feeKept({ reason: 'DEPOSIT_FORFEITED', amount: usd(20001) }, positionOf(a, deposit, balance)));
    expect(error).toBeInstanceOf(PolicyViolation);
    expect(error.message).toBe('At most 200.00 USD can be kept as this fee on the order.');
    expect(error.details).toEqual({ rule: 'FEE_EXCEEDS_HELD', available: 20000, requested: 20001 });
    expect(refusal(() => feeKept({ reason: 'DEPOSIT_FORFEITED', amount: usd(0) }, positionOf(a, deposit)))).toBeInstanceOf(BadUserInput);
  });
});

describe('refundDecided', () => {
  it('a cancellation after a 50% fee refunds the rest of the deposit to refunds payable, against its charge', () => {
    const fee = feeKept({ reason: 'CANCELLATION_FEE', amount: usd(10000) }, positionOf(a, deposit));
    expect(refundDecided({ refundId: 'rf_1', reason: 'CANCELLATION', amount: usd(10000) }, positionOf(a, deposit, fee))).toEqual({
      kind: 'REFUND_DECIDED',
      reason: 'CANCELLATION',
      postings: [
        { account: 'CUSTOMER_DEPOSITS_HELD', amount: 10000, currency: 'USD', orderId: a, refundId: 'rf_1' },
        { account: 'REFUNDS_PAYABLE', amount: -10000, currency: 'USD', orderId: a, chargeId: 'ch_dep', refundId: 'rf_1' },
      ],
    });
  });

  it('never refunds a fee kept: the cancellation may only give back what is still held', () => {
    const fee = feeKept({ reason: 'CANCELLATION_FEE', amount: usd(10000) }, positionOf(a, deposit));
    const error = refusal(() => refundDecided({ refundId: 'rf_1', reason: 'CANCELLATION', amount: usd(10001) }, positionOf(a, deposit, fee)));
    expect(error).toBeInstanceOf(PolicyViolation);
    expect(error.message).toBe('At most 100.00 USD can be refunded for the cancellation on this order; the rest is already earned or kept as fees.');
    expect(error.details).toEqual({ rule: 'REFUND_EXCEEDS_AVAILABLE', available: 10000, requested: 10001, currency: 'USD' });
  });

  it('a full cancellation refund is split across the charges, newest first', () => {
    expect(refundDecided({ refundId: 'rf_1', reason: 'CANCELLATION', amount: usd(103500) }, positionOf(a, deposit, balance)).postings).toEqual([
      { account: 'DEFERRED_REVENUE', amount: 80000, currency: 'USD', orderId: a, refundId: 'rf_1' },
      { account: 'CUSTOMER_DEPOSITS_HELD', amount: 20000, currency: 'USD', orderId: a, refundId: 'rf_1' },
      { account: 'SHIPPING_COLLECTED', amount: 3500, currency: 'USD', orderId: a, refundId: 'rf_1' },
      { account: 'REFUNDS_PAYABLE', amount: -83500, currency: 'USD', orderId: a, chargeId: 'ch_bal', refundId: 'rf_1' },
      { account: 'REFUNDS_PAYABLE', amount: -20000, currency: 'USD', orderId: a, chargeId: 'ch_dep', refundId: 'rf_1' },
    ]);
  });

  it('a shipping excess comes back from shipping collected', () => {
    expect(refundDecided({ refundId: 'rf_2', reason: 'SHIPPING_EXCESS', amount: usd(700) }, positionOf(a, deposit, balance)).postings).toEqual([
      { account: 'SHIPPING_COLLECTED', amount: 700, currency: 'USD', orderId: a, refundId: 'rf_2' },
      { account: 'REFUNDS_PAYABLE', amount: -700, currency: 'USD', orderId: a, chargeId: 'ch_bal', refundId: 'rf_2' },
    ]);
  });

  it('after-sales compensation after shipment reduces revenue; before shipment there is none to reduce', () => {
    const shipped = orderShipped(positionOf(a, deposit, balance))!;
    // High grade (100%) x head sculpt (25) in the store currency.
    expect(refundDecided({ refundId: 'rf_3', reason: 'COMPENSATION', amount: usd(2500) }, positionOf(a, deposit, balance, shipped)).postings).toEqual([
      { account: 'REVENUE', amount: 2500, currency: 'USD', orderId: a, refundId: 'rf_3' },
      { account: 'REFUNDS_PAYABLE', amount: -2500, currency: 'USD', orderId: a, chargeId: 'ch_bal', refundId: 'rf_3' },
    ]);
    expect(refusal(() => refundDecided({ refundId: 'rf_3', reason: 'COMPENSATION', amount: usd(2500) }, positionOf(a, deposit, balance))).message).toBe(
      'At most 0.00 USD can be refunded as compensation on this order; the rest is already earned or kept as fees.',
    );
  });

  it('staff may refund a fee kept', () => {
    const fee = feeKept({ reason: 'DEPOSIT_FORFEITED', amount: usd(20000) }, positionOf(a, deposit));
    expect(refundDecided({ refundId: 'rf_4', reason: 'STAFF', amount: usd(5000) }, positionOf(a, deposit, fee)).postings).toEqual([
      { account: 'FEES_EARNED', amount: 5000, currency: 'USD', orderId: a, refundId: 'rf_4' },
      { account: 'REFUNDS_PAYABLE', amount: -5000, currency: 'USD', orderId: a, chargeId: 'ch_dep', refundId: 'rf_4' },
    ]);
  });

  it('refuses more than paid minus refunded, counting refunds not yet paid out', () => {
    const first = refundDecided({ refundId: 'rf_1', reason: 'CANCELLATION', amount: usd(15000) }, positionOf(a, deposit));
    const error = refusal(() => refundDecided({ refundId: 'rf_2', reason: 'STAFF', amount: usd(5001) }, positionOf(a, deposit, first)));
    expect(error.details).toMatchObject({ rule: 'REFUND_EXCEEDS_PAID', refundable: 5000 });
  });

  it('refunds one order of a bulk charge only from its own share', () => {
    const bulk = chargeCaptured({
      chargeId: 'ch_bulk',
      purpose: 'BALANCE',
      currency: 'USD',
      parts: [
        { orderId: a, product: 80000, shipping: 3500 },
        { orderId: b, product: 45000, shipping: 1200 },
      ],
    });
    expect(refundDecided({ refundId: 'rf_b', reason: 'CANCELLATION', amount: usd(46200) }, positionOf(b, bulk)).postings).toContainEqual({
      account: 'REFUNDS_PAYABLE',
      amount: -46200,
      currency: 'USD',
      orderId: b,
      chargeId: 'ch_bulk',
      refundId: 'rf_b',
    });
    expect(refusal(() => refundDecided({ refundId: 'rf_b', reason: 'CANCELLATION', amount: usd(46201) }, positionOf(b, bulk))).details).toMatchObject({
      rule: 'REFUND_EXCEEDS_PAID',
      refundable: 46200,
    });
  });
});

describe('refundPaidOut', () => {
  const decided = refundDecided({ refundId: 'rf_1', reason: 'SHIPPING_EXCESS', amount: usd(700) }, positionOf(a, deposit, balance));

  it('moves a refund piece from refunds payable out of provider clearing', () => {
    const payout = { refundId: 'rf_1', chargeId: 'ch_bal', providerRefundId: 're_1', amount: usd(700) };
    expect(refundPaidOut(payout, positionOf(a, deposit, balance, decided))).toEqual({
      kind: 'REFUND_PAID_OUT',
      reason: null,
      postings: [
        { account: 'REFUNDS_PAYABLE', amount: 700, currency: 'USD', orderId: a, chargeId: 'ch_bal', refundId: 'rf_1' },
        { account: 'PROVIDER_CLEARING', amount: -700, currency: 'USD', orderId: a, chargeId: 'ch_bal', refundId: 'rf_1', providerRefundId: 're_1' },
      ],
    });
  });

  it('refuses a payout the ledger did not decide (the provider and the ledger disagree)', () => {
    const position = positionOf(a, deposit, balance, decided);
    for (const payout of [
      { refundId: 'rf_1', chargeId: 'ch_bal', providerRefundId: 're_1', amount: usd(701) },
      { refundId: 'rf_1', chargeId: 'ch_dep', providerRefundId: 're_1', amount: usd(700) },
      { refundId: 'rf_1', chargeId: 'ch_bal', providerRefundId: 're_1', amount: money(700, 'EUR') },
    ]) {
      const error = refusal(() => refundPaidOut(payout, position));
      expect(error).toBeInstanceOf(Conflict);
      expect(error.details).toMatchObject({ rule: 'REFUND_NOT_PENDING' });
    }
  });
});
