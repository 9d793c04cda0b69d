import { describe, expect, it } from 'vitest';
import { chargeCaptured, feeKept, refundDecided, refundPaidOut } from './ledger-movements.js';
import type { JournalTransaction, RecordedTransaction } from './ledger.js';
import { money } from './money.js';
import { emptyPosition, orderPosition, orderPositions, paidTowards, refundable } from './order-position.js';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';
const usd = (amount: number) => money(amount, 'USD');
const recorded = (txs: JournalTransaction[]): RecordedTransaction[] => txs.map((tx, i) => ({ ...tx, id: `tx${i + 1}`, sequence: i + 1 }));

const deposit = chargeCaptured({ chargeId: 'ch_dep', purpose: 'DEPOSIT', currency: 'USD', parts: [{ orderId: a, product: 20000, shipping: 0 }] });
const bulk = chargeCaptured({
  chargeId: 'ch_bulk',
  purpose: 'BALANCE',
  currency: 'USD',
  parts: [
    { orderId: a, product: 80000, shipping: 3500 },
    { orderId: b, product: 45000, shipping: 1200 },
  ],
});

describe('orderPosition', () => {
  it('an order the ledger does not know has an empty position', () => {
    expect(orderPosition(a, 'USD', [])).toEqual(emptyPosition(a, 'USD'));
    expect(refundable(emptyPosition(a, 'USD'))).toBe(0);
  });

  it('given a deposit, a bulk balance, a fee, a refund and its payout, then paid, refunded, held and earned add up', () => {
    const txs: JournalTransaction[] = [deposit, bulk];
    txs.push(feeKept({ reason: 'CANCELLATION_FEE', amount: usd(10000) }, orderPosition(a, 'USD', recorded(txs))));
    txs.push(refundDecided({ refundId: 'rf_1', reason: 'CANCELLATION', amount: usd(90000) }, orderPosition(a, 'USD', recorded(txs))));
    txs.push(refundPaidOut({ refundId: 'rf_1', chargeId: 'ch_bulk', providerRefundId: 're_1', amount: usd(83500) }, orderPosition(a, 'USD', recorded(txs))));

    expect(orderPosition(a, 'USD', recorded(txs))).toEqual({
      orderId: a,
      currency: 'USD',
      paid: 103500,
      refunded: 90000,
      refundedOut: 83500,
      balances: { CUSTOMER_DEPOSITS_HELD: 0, DEFERRED_REVENUE: 0, SHIPPING_COLLECTED: 3500, REVENUE: 0, SHIPPING_REVENUE: 0, FEES_EARNED: 10000 },
      held: 3500,
      charges: [
        { chargeId: 'ch_dep', capturedSequence: 1, captured: 20000, refunded: 6500, refundedOut: 0 },
        { chargeId: 'ch_bulk', capturedSequence: 2, captured: 83500, refunded: 83500, refundedOut: 83500 },
      ],
    });
    expect(orderPositions(recorded(txs)).map((p) => [p.orderId, p.paid, p.held])).toEqual([
      [a, 103500, 3500],
      [b, 46200, 46200],
    ]);
  });

  it('reads transactions in ledger order, whatever the list order', () => {
    const txs = recorded([deposit, bulk]).reverse();
    expect(orderPosition(a, 'USD', txs).charges.map((c) => c.chargeId)).toEqual(['ch_dep', 'ch_bulk']);
  });

  it('keeps currencies apart', () => {
    const eur = chargeCaptured({ chargeId: 'ch_eur', purpose: 'FULL_PAYMENT', currency: 'EUR', parts: [{ orderId: a, product: 5000, shipping: 0 }] });
    expect(orderPositions(recorded([deposit, eur])).map((p) => [p.currency, p.paid])).toEqual([
      ['EUR', 5000],
      ['USD', 20000],
    ]);
  });
});

describe('paidTowards', () => {
  it('sums captured product and shipping per order and purpose', () => {
    expect(paidTowards([deposit, bulk])).toEqual([
      { orderId: a, purpose: 'DEPOSIT', product: 20000, shipping: 0 },
      { orderId: a, purpose: 'BALANCE', product: 80000, shipping: 3500 },
      { orderId: b, purpose: 'BALANCE', product: 45000, shipping: 1200 },
    ]);
  });
});
