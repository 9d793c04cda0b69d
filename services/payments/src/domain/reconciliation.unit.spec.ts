import { describe, expect, it } from 'vitest';
import { chargeCaptured, refundDecided, refundPaidOut } from './ledger-movements.js';
import type { JournalTransaction, RecordedTransaction } from './ledger.js';
import { money } from './money.js';
import { orderPosition } from './order-position.js';
import { reconcile } from './reconciliation.js';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';
const usd = (amount: number) => money(amount, 'USD');
const recorded = (txs: JournalTransaction[]): RecordedTransaction[] => txs.map((tx, i) => ({ ...tx, id: `tx${i + 1}`, sequence: i + 1 }));

const bulk = chargeCaptured({
  chargeId: 'ch_bulk',
  purpose: 'BALANCE',
  currency: 'USD',
  parts: [
    { orderId: a, product: 80000, shipping: 3500 },
    { orderId: b, product: 45000, shipping: 1200 },
  ],
});
const decided = refundDecided({ refundId: 'rf_1', reason: 'SHIPPING_EXCESS', amount: usd(700) }, orderPosition(a, 'USD', recorded([bulk])));
const paidOut = refundPaidOut(
  { refundId: 'rf_1', chargeId: 'ch_bulk', providerRefundId: 're_1', amount: usd(700) },
  orderPosition(a, 'USD', recorded([bulk, decided])),
);
const ledger = recorded([bulk, decided, paidOut]);
const provider = {
  charges: [{ chargeId: 'ch_bulk', currency: 'USD', amount: 129700 }],
  refunds: [{ providerRefundId: 're_1', chargeId: 'ch_bulk', currency: 'USD', amount: 700 }],
};

describe('reconcile', () => {
  it('finds nothing wrong when the ledger balances and matches the provider', () => {
    expect(reconcile(ledger, provider)).toEqual([]);
  });

  it('a refund decided but not yet paid out is not expected at the provider', () => {
    expect(reconcile(recorded([bulk, decided]), { charges: provider.charges, refunds: [] })).toEqual([]);
  });

  it('reports an unbalanced transaction per currency', () => {
    const broken: RecordedTransaction = {
      id: 'bad',
      sequence: 9,
      kind: 'CHARGE_CAPTURED',
      reason: 'FULL_PAYMENT',
      postings: [
        { account: 'PROVIDER_CLEARING', amount: 100, currency: 'EUR', orderId: a, chargeId: 'ch_eur' },
        { account: 'DEFERRED_REVENUE', amount: -90, currency: 'EUR', orderId: a },
      ],
    };
    expect(reconcile([...ledger, broken], { ...provider, charges: [...provider.charges, { chargeId: 'ch_eur', currency: 'EUR', amount: 100 }] })).toEqual([
      { kind: 'UNBALANCED_TRANSACTION', transactionId: 'bad', currency: 'EUR', amount: 10 },
    ]);
  });

  it('reports an order refunded beyond what it paid, and the accounts that went negative', () => {
    const overRefund: RecordedTransaction = {
      id: 'over',
      sequence: 9,
      kind: 'REFUND_DECIDED',
      reason: 'STAFF',
      postings: [
        { account: 'DEFERRED_REVENUE', amount: 50000, currency: 'USD', orderId: b },
        { account: 'REFUNDS_PAYABLE', amount: -50000, currency: 'USD', orderId: b, chargeId: 'ch_bulk' },
      ],
    };
    expect(reconcile([...ledger, overRefund], provider)).toEqual([
      { kind: 'NEGATIVE_ORDER_POSITION', orderId: b, currency: 'USD', paid: 46200, refunded: 50000 },
      { kind: 'NEGATIVE_BALANCE', orderId: b, currency: 'USD', account: 'DEFERRED_REVENUE', balance: -5000 },
      { kind: 'OVER_REFUNDED_CHARGE', orderId: b, currency: 'USD', chargeId: 'ch_bulk', captured: 46200, refunded: 50000 },
    ]);
  });

  it('reports a payout above the refund decided as negative refunds payable', () => {
    const twice: RecordedTransaction = { ...paidOut, id: 'dup', sequence: 9 };
    expect(reconcile([...ledger, twice], provider)).toEqual([
      { kind: 'NEGATIVE_BALANCE', orderId: a, currency: 'USD', account: 'REFUNDS_PAYABLE', balance: -700 },
      {
        kind: 'REFUND_MISMATCH',
        providerRefundId: 're_1',
        ledger: { chargeId: 'ch_bulk', amount: usd(1400) },
        provider: { chargeId: 'ch_bulk', amount: usd(700) },
      },
    ]);
  });

  it('reports charges and refunds known on one side only, or with other amounts', () => {
    expect(
      reconcile(ledger, {
        charges: [
          { chargeId: 'ch_bulk', currency: 'USD', amount: 129000 },
          { chargeId: 'ch_lost', currency: 'USD', amount: 5000 },
        ],
        refunds: [{ providerRefundId: 're_2', chargeId: 'ch_bulk', currency: 'USD', amount: 300 }],
      }),
    ).toEqual([
      { kind: 'CHARGE_MISMATCH', chargeId: 'ch_bulk', ledger: usd(129700), provider: usd(129000) },
      { kind: 'CHARGE_MISMATCH', chargeId: 'ch_lost', ledger: null, provider: usd(5000) },
      { kind: 'REFUND_MISMATCH', providerRefundId: 're_1', ledger: { chargeId: 'ch_bulk', amount: usd(700) }, provider: null },
      { kind: 'REFUND_MISMATCH', providerRefundId: 're_2', ledger: null, provider: { chargeId: 'ch_bulk', amount: usd(300) } },
    ]);
  });

  it('a charge in another currency at the provider is a mismatch on both sides', () => {
    expect(reconcile(ledger, { charges: [{ chargeId: 'ch_bulk', currency: 'EUR', amount: 129700 }], refunds: provider.refunds })).toEqual([
      { kind: 'CHARGE_MISMATCH', chargeId: 'ch_bulk', ledger: null, provider: money(129700, 'EUR') },
      { kind: 'CHARGE_MISMATCH', chargeId: 'ch_bulk', ledger: usd(129700), provider: null },
    ]);
  });
});
