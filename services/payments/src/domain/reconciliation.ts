import { orderFundAccounts, type LedgerAccount } from './ledger-accounts.js';
import { imbalances, type RecordedTransaction } from './ledger.js';
import { money, type Money } from './money.js';
import { orderPositions } from './order-position.js';

/** A charge the provider captured (succeeded charges only), from its list of charges. */
export interface ProviderCharge {
  chargeId: string;
  currency: string;
  amount: number;
}

/** A refund the provider paid out (succeeded refunds only). */
export interface ProviderRefund {
  providerRefundId: string;
  chargeId: string;
  currency: string;
  amount: number;
}

export type Discrepancy =
  | { kind: 'UNBALANCED_TRANSACTION'; transactionId: string; currency: string; amount: number }
  | { kind: 'NEGATIVE_ORDER_POSITION'; orderId: string; currency: string; paid: number; refunded: number }
  | { kind: 'NEGATIVE_BALANCE'; orderId: string; currency: string; account: LedgerAccount; balance: number }
  | { kind: 'OVER_REFUNDED_CHARGE'; orderId: string; currency: string; chargeId: string; captured: number; refunded: number }
  | { kind: 'CHARGE_MISMATCH'; chargeId: string; ledger: Money | null; provider: Money | null }
  | {
      kind: 'REFUND_MISMATCH';
      providerRefundId: string;
      ledger: { chargeId: string; amount: Money } | null;
      provider: { chargeId: string; amount: Money } | null;
    };

/**
 * Everything that proves the ledger right, as a list of what is wrong
 * (empty: all good):
 * - every transaction sums to zero in each currency;
 * - per order: paid - refunded >= 0, no account holding its money below
 *   zero, refunds paid out never above refunds decided, no charge share
 *   refunded beyond what it captured;
 * - with the provider's records: each charge captured the same amount as
 *   the ledger's shares of it add up to (a bulk charge is checked in sum),
 *   and each provider refund matches the ledger's payout (same charge,
 *   same amount). A record on one side only is a mismatch with null on the
 *   other. Refunds decided but not paid out are not expected at the provider.
 */
export function reconcile(
  transactions: readonly RecordedTransaction[],
  provider: { charges: readonly ProviderCharge[]; refunds: readonly ProviderRefund[] } = { charges: [], refunds: [] },
): Discrepancy[] {
  const found: Discrepancy[] = [];
  for (const tx of [...transactions].sort((x, y) => x.sequence - y.sequence)) {
    for (const i of imbalances(tx)) found.push({ kind: 'UNBALANCED_TRANSACTION', transactionId: tx.id, currency: i.currency, amount: i.amount });
  }

  for (const p of orderPositions(transactions)) {
    const { orderId, currency } = p;
    if (p.paid - p.refunded < 0) found.push({ kind: 'NEGATIVE_ORDER_POSITION', orderId, currency, paid: p.paid, refunded: p.refunded });
    for (const account of orderFundAccounts) {
      if (p.balances[account] < 0) found.push({ kind: 'NEGATIVE_BALANCE', orderId, currency, account, balance: p.balances[account] });
    }
    if (p.refunded - p.refundedOut < 0) {
      found.push({ kind: 'NEGATIVE_BALANCE', orderId, currency, account: 'REFUNDS_PAYABLE', balance: p.refunded - p.refundedOut });
    }
    for (const c of p.charges) {
      if (c.refunded > c.captured)
        found.push({ kind: 'OVER_REFUNDED_CHARGE', orderId, currency, chargeId: c.chargeId, captured: c.captured, refunded: c.refunded });
    }
  }

  const ledgerCharges = new Map<string, ProviderCharge>();
  const ledgerRefunds = new Map<string, ProviderRefund>();
  for (const tx of transactions) {
    for (const p of tx.postings) {
      if (p.account !== 'PROVIDER_CLEARING' || p.chargeId === undefined) continue;
      if (p.amount > 0) {
        const key = JSON.stringify([p.chargeId, p.currency]);
        const c = ledgerCharges.get(key) ?? { chargeId: p.chargeId, currency: p.currency, amount: 0 };
        ledgerCharges.set(key, { ...c, amount: c.amount + p.amount });
      } else if (p.providerRefundId !== undefined) {
        const r = ledgerRefunds.get(p.providerRefundId) ?? { providerRefundId: p.providerRefundId, chargeId: p.chargeId, currency: p.currency, amount: 0 };
        ledgerRefunds.set(p.providerRefundId, { ...r, amount: r.amount - p.amount });
      }
    }
  }

  const providerCharges = new Map<string, ProviderCharge>();
  for (const c of provider.charges) {
    const key = JSON.stringify([c.chargeId, c.currency]);
    providerCharges.set(key, { ...c, amount: (providerCharges.get(key)?.amount ?? 0) + c.amount });
  }
  for (const key of [...new Set([...ledgerCharges.keys(), ...providerCharges.keys()])].sort()) {
    const l = ledgerCharges.get(key);
    const pr = providerCharges.get(key);
    if (l && pr && l.amount === pr.amount) continue;
    const [chargeId] = JSON.parse(key) as [string, string];
    found.push({ kind: 'CHARGE_MISMATCH', chargeId, ledger: l ? money(l.amount, l.currency) : null, provider: pr ? money(pr.amount, pr.currency) : null });
  }

  const providerRefunds = new Map(provider.refunds.map((r) => [r.providerRefundId, r]));
  const view = (r: ProviderRefund | undefined) => (r ? { chargeId: r.chargeId, amount: money(r.amount, r.currency) } : null);
  for (const id of [...new Set([...ledgerRefunds.keys(), ...providerRefunds.keys()])].sort()) {
    const l = ledgerRefunds.get(id);
    const pr = providerRefunds.get(id);
    if (l && pr && l.chargeId === pr.chargeId && l.currency === pr.currency && l.amount === pr.amount) continue;
    found.push({ kind: 'REFUND_MISMATCH', providerRefundId: id, ledger: view(l), provider: view(pr) });
  }
  return found;
}
