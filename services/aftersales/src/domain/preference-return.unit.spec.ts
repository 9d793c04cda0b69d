import { describe, expect, it } from 'vitest';
import { presets, type StorePolicy } from '@vitrine/policy';
import { inspectReturn, preferenceReturn, type ReturnedLine } from './preference-return.js';

const depositStore = presets['deposit-store'];
// Thursday 3 December 2026, 13:00 in Paris.
const deliveredAt = new Date('2026-12-03T12:00:00Z');
const line = (over: Partial<ReturnedLine> = {}): ReturnedLine => ({
  orderKind: 'IN_STOCK',
  currency: 'USD',
  linePaid: 10_000,
  remaining: 10_000,
  shippingShare: 1_500,
  orderedAt: new Date('2026-11-25T09:00:00Z'),
  deliveredAt,
  ...over,
});

describe('a return for preference under deposit-store (000)', () => {
  it('within 7 days: the price less the 30% restocking fee, return postage the customer’s, shipping not refunded', () => {
    expect(preferenceReturn(depositStore, line(), new Date('2026-12-10T22:59:00Z'))).toEqual({
      ok: true,
      refund: { amount: 7_000, currency: 'USD' },
      restockingFee: { amount: 3_000, currency: 'USD' },
      shippingRefund: { amount: 0, currency: 'USD' },
      returnShippingPaidBy: 'CUSTOMER',
      rule: {
        id: 'returns.within-window',
        text: 'Returns are accepted within 7 days of delivery, in perfect unused original condition; return shipping is paid by the customer, shipping costs are not refunded, and a restocking fee of 30% of the total price is deducted.',
      },
      // Until the end of Thursday 10 December in Paris.
      returnableUntil: { at: new Date('2026-12-10T23:00:00Z'), lastDay: '2026-12-10', region: 'FR', timeZone: 'Europe/Paris' },
    });
  });

  it('refused from the end of the 7th day after delivery (Paris time), naming the rule and the deadline it passed', () => {
    expect(preferenceReturn(depositStore, line(), new Date('2026-12-10T23:00:00Z'))).toEqual({
      ok: false,
      rule: { id: 'returns.window-closed', text: 'The return window of 7 days after delivery has closed.' },
      returnableUntil: { at: new Date('2026-12-10T23:00:00Z'), lastDay: '2026-12-10', region: 'FR', timeZone: 'Europe/Paris' },
    });
  });

  it('the deadline is the instant the decision turns: accepted a millisecond before, refused at it', () => {
    for (const delivered of [deliveredAt, new Date('2026-12-03T23:30:00Z'), new Date('2026-03-25T12:00:00Z')]) {
      const until = preferenceReturn(depositStore, line({ deliveredAt: delivered }), delivered).returnableUntil!.at;
      expect(preferenceReturn(depositStore, line({ deliveredAt: delivered }), new Date(until.getTime() - 1)).ok).toBe(true);
      expect(preferenceReturn(depositStore, line({ deliveredAt: delivered }), until).ok).toBe(false);
    }
  });

  it('refused before delivery, with no deadline yet', () => {
    expect(preferenceReturn(depositStore, line({ deliveredAt: null }), deliveredAt)).toEqual({
      ok: false,
      rule: { id: 'returns.not-delivered', text: 'A return can be requested once the order is delivered.' },
      returnableUntil: null,
    });
  });

  it('never refunds more than earlier claims left of the line', () => {
    expect(preferenceReturn(depositStore, line({ remaining: 5_000 }), deliveredAt)).toMatchObject({ ok: true, refund: { amount: 5_000 } });
  });
});

describe('a policy that refunds shipping (shippingRefunded)', () => {
  const refundsShipping: StorePolicy = {
    ...depositStore,
    returns: { ...depositStore.returns, preference: { ...depositStore.returns.preference, shippingRefunded: true } as StorePolicy['returns']['preference'] },
  };
  it('adds the line’s share of the shipping to the price less the restocking fee', () => {
    expect(preferenceReturn(refundsShipping, line(), deliveredAt)).toMatchObject({
      ok: true,
      refund: { amount: 8_500 },
      restockingFee: { amount: 3_000 },
      shippingRefund: { amount: 1_500 },
    });
  });

  it('caps the goods by what claims left of the line, never the shipping share', () => {
    expect(preferenceReturn(refundsShipping, line({ remaining: 2_000 }), deliveredAt)).toMatchObject({
      ok: true,
      refund: { amount: 3_500 },
      shippingRefund: { amount: 1_500 },
    });
  });

  it('on arrival: the shipping share comes back with the goods, or nothing when the item is not as the policy asks', () => {
    const quoted = { refund: 8_500, shippingRefund: 1_500, rule: { id: 'returns.within-window', text: '...' } };
    expect(inspectReturn(refundsShipping, quoted, 'PERFECT_UNUSED', 10_000)).toMatchObject({ accepted: true, refund: 8_500, shippingRefund: 1_500 });
    expect(inspectReturn(refundsShipping, quoted, 'PERFECT_UNUSED', 4_000)).toMatchObject({ accepted: true, refund: 5_500, shippingRefund: 1_500 });
    expect(inspectReturn(refundsShipping, quoted, 'USED_OR_DAMAGED', 10_000)).toMatchObject({ accepted: false, refund: 0, shippingRefund: 0 });
  });
});

describe('no returns for preference under charge-at-ship (003)', () => {
  it('is refused at once, naming the rule', () => {
    expect(preferenceReturn(presets['charge-at-ship'], line(), deliveredAt)).toMatchObject({
      ok: false,
      rule: { id: 'returns.no-preference-returns' },
      returnableUntil: null,
    });
  });
});

describe('inspection on arrival (000: perfect and unused, or nothing)', () => {
  const quoted = { refund: 7_000, shippingRefund: 0, rule: { id: 'returns.within-window', text: 'Returns are accepted within 7 days of delivery...' } };
  it('refunds the quote for a perfect, unused item, capped by what the line has left', () => {
    expect(inspectReturn(depositStore, quoted, 'PERFECT_UNUSED', 10_000)).toEqual({ accepted: true, refund: 7_000, shippingRefund: 0, rule: quoted.rule });
    expect(inspectReturn(depositStore, quoted, 'PERFECT_UNUSED', 6_000)).toMatchObject({ accepted: true, refund: 6_000 });
  });

  it('refunds nothing for a used or damaged item, naming the rule', () => {
    expect(inspectReturn(depositStore, quoted, 'USED_OR_DAMAGED', 10_000)).toEqual({
      accepted: false,
      refund: 0,
      shippingRefund: 0,
      rule: { id: 'returns.not-in-original-condition', text: 'No refund is made for an item not returned in perfect, unused, original condition.' },
    });
  });
});
