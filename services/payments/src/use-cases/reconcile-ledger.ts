import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceUnavailable } from '@vitrine/platform';
import { orderPositions } from '../domain/order-position.js';
import { reconcile, type Discrepancy } from '../domain/reconciliation.js';
import { callProvider, type PaymentsRuntime } from '../config/payments-runtime.js';
import { ProviderUnavailable } from '../providers/payment-provider.js';
import { allTransactions } from '../store/ledger-book.js';
import { schemaOf, toDate } from '../store/sql.js';

export interface CurrencyTotals {
  currency: string;
  /** Captured from customers. */
  paid: number;
  /** Refunds decided. */
  refunded: number;
  /** Refunds the provider paid out. */
  refundedOut: number;
  /** Still held for orders not shipped. */
  held: number;
}

export interface LedgerReconciliation {
  checkedAt: string;
  transactions: number;
  orders: number;
  totals: CurrencyTotals[];
  /** Intents still waiting on the provider (re-checked by their timers). */
  processingIntents: number;
  /** Empty: every transaction balances, no order is negative, and the ledger matches the provider's charges and refunds. */
  discrepancies: Discrepancy[];
}

/**
 * The whole ledger proved right with the domain's `reconcile`: every
 * transaction sums to zero per currency, per order paid - refunded >= 0 and
 * no account below zero, and the ledger's charges and refund payouts equal
 * what the provider lists since the first transaction.
 */
export async function reconcileLedger(em: EntityManager, runtime: PaymentsRuntime): Promise<LedgerReconciliation> {
  const transactions = await allTransactions(em);
  const s = schemaOf(em);
  const [first] = await em.execute<{ at: unknown }[]>(`select min(created_at) as at from ${s}.ledger_transaction`);
  const since = new Date((toDate(first?.at)?.getTime() ?? Date.now()) - 86_400_000);
  let charges, refunds;
  try {
    [charges, refunds] = await Promise.all([
      callProvider(runtime, 'list charges', (p) => p.listCharges(since)),
      callProvider(runtime, 'list refunds', (p) => p.listRefunds(since)),
    ]);
  } catch (err) {
    if (err instanceof ProviderUnavailable)
      throw new ServiceUnavailable('The payment provider cannot list its charges right now; try the reconciliation again shortly.');
    throw err;
  }
  const discrepancies = reconcile(transactions, {
    charges: charges.map((c) => ({ chargeId: c.chargeId, currency: c.currency, amount: c.amount })),
    refunds: refunds.map((r) => ({ providerRefundId: r.refundId, chargeId: r.chargeId, currency: r.currency, amount: r.amount })),
  });
  const positions = orderPositions(transactions);
  const totals = new Map<string, CurrencyTotals>();
  for (const p of positions) {
    const t = totals.get(p.currency) ?? { currency: p.currency, paid: 0, refunded: 0, refundedOut: 0, held: 0 };
    totals.set(p.currency, {
      ...t,
      paid: t.paid + p.paid,
      refunded: t.refunded + p.refunded,
      refundedOut: t.refundedOut + p.refundedOut,
      held: t.held + p.held,
    });
  }
  const [processing] = await em.execute<{ n: string }[]>(`select count(*) as n from ${s}.payment_intent where status = 'PROCESSING'`);
  return {
    checkedAt: new Date().toISOString(),
    transactions: transactions.length,
    orders: new Set(positions.map((p) => p.orderId)).size,
    totals: [...totals.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1)),
    processingIntents: Number(processing?.n ?? 0),
    discrepancies,
  };
}
