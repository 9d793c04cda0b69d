import { describe, expect, it } from 'vitest';
import { finalQuote } from './final-quote.js';

describe('finalQuote', () => {
  it('below the estimate: the excess is refunded', () => {
    expect(finalQuote(1_200, [{ orderId: 'a', estimatePaid: 1_500 }])).toEqual({
      outcome: 'REFUND_EXCESS',
      orders: [{ orderId: 'a', estimatePaid: 1_500, finalShare: 1_200, excessRefund: 300, extraDue: 0 }],
    });
  });

  it('equal to the estimate: nothing moves', () => {
    expect(finalQuote(1_500, [{ orderId: 'a', estimatePaid: 1_500 }])).toMatchObject({ outcome: 'EXACT', orders: [{ excessRefund: 0, extraDue: 0 }] });
  });

  it('above the estimate: the difference is invoiced', () => {
    expect(finalQuote(2_100, [{ orderId: 'a', estimatePaid: 1_500 }])).toMatchObject({
      outcome: 'EXTRA_INVOICE',
      orders: [{ finalShare: 2_100, extraDue: 600 }],
    });
  });

  it('a consolidated parcel splits its cost by the estimates paid, to the minor unit', () => {
    const quote = finalQuote(2_000, [
      { orderId: 'a', estimatePaid: 1_000 },
      { orderId: 'b', estimatePaid: 2_000 },
    ]);
    expect(quote.orders.map((o) => [o.finalShare, o.excessRefund, o.extraDue])).toEqual([
      [667, 333, 0],
      [1_333, 667, 0],
    ]);
    expect(quote.orders.reduce((s, o) => s + o.finalShare, 0)).toBe(2_000);
  });

  it('splits equally when no order paid an estimate', () => {
    expect(
      finalQuote(1_001, [
        { orderId: 'a', estimatePaid: 0 },
        { orderId: 'b', estimatePaid: 0 },
      ]).orders.map((o) => o.extraDue),
    ).toEqual([501, 500]);
  });
});
