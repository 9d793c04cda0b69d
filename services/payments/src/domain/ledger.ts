import type { LedgerAccount } from './ledger-accounts.js';
import type { PaymentPurpose } from './payment-purpose.js';

/** What a journal transaction records; each business movement is exactly one transaction. */
export const movementKinds = ['CHARGE_CAPTURED', 'ORDER_SHIPPED', 'FEE_KEPT', 'REFUND_DECIDED', 'REFUND_PAID_OUT'] as const;
export type MovementKind = (typeof movementKinds)[number];

/** Why money held for an order becomes ours without the order shipping. */
export const feeReasons = ['DEPOSIT_FORFEITED', 'DOWN_PAYMENT_FORFEITED', 'CANCELLATION_FEE', 'RESTOCKING_FEE'] as const;
export type FeeReason = (typeof feeReasons)[number];

/**
 * Why money goes back: an order cancelled before shipment (orders'
 * decision), a return or a parcel sent back after shipment, a shipping
 * excess (logistics' final cost below the estimate), an after-sales partial
 * refund or mis-shipment discount, or a staff decision.
 */
export const refundReasons = ['CANCELLATION', 'RETURN', 'SHIPPING_EXCESS', 'COMPENSATION', 'STAFF'] as const;
export type RefundReason = (typeof refundReasons)[number];

/**
 * One line of a transaction. `amount` is signed minor units: a debit is
 * positive, a credit negative, so a balanced transaction sums to zero in
 * each currency. The tags tie money to an order and to the provider's
 * objects, which is what the per-order position and the reconciliation read.
 */
export interface Posting {
  account: LedgerAccount;
  amount: number;
  currency: string;
  orderId?: string;
  /** The provider charge the money came in by (its share of it, for one order). */
  chargeId?: string;
  /** Our refund this posting belongs to. */
  refundId?: string;
  /** The provider's refund that paid it out. */
  providerRefundId?: string;
}

export interface JournalTransaction {
  kind: MovementKind;
  /** The charge's purpose, the fee's or the refund's reason; null for a shipment. */
  reason: PaymentPurpose | FeeReason | RefundReason | null;
  postings: readonly Posting[];
}

/** A transaction as stored: its id and its place in the ledger's total order. */
export interface RecordedTransaction extends JournalTransaction {
  id: string;
  sequence: number;
}

export interface Imbalance {
  currency: string;
  /** Debits minus credits; never zero in an imbalance. */
  amount: number;
}

/** Currencies in which the transaction's debits and credits differ, sorted by currency. */
export function imbalances(tx: Pick<JournalTransaction, 'postings'>): Imbalance[] {
  const sums = new Map<string, number>();
  for (const p of tx.postings) sums.set(p.currency, (sums.get(p.currency) ?? 0) + p.amount);
  return [...sums]
    .filter(([, amount]) => amount !== 0)
    .map(([currency, amount]) => ({ currency, amount }))
    .sort((x, y) => (x.currency < y.currency ? -1 : 1));
}

export function isBalanced(tx: Pick<JournalTransaction, 'postings'>): boolean {
  return tx.postings.every((p) => Number.isSafeInteger(p.amount)) && imbalances(tx).length === 0;
}

/** An unbalanced transaction is a bug in the code that built it: it must never be stored. */
export function assertBalanced(tx: Pick<JournalTransaction, 'postings'>): void {
  const broken = tx.postings.find((p) => !Number.isSafeInteger(p.amount));
  if (broken) throw new Error(`A posting to ${broken.account} is not a whole number of minor units: ${broken.amount}.`);
  const off = imbalances(tx);
  if (off.length > 0) throw new Error(`Unbalanced transaction: ${off.map((i) => `${i.currency} ${i.amount > 0 ? '+' : ''}${i.amount}`).join(', ')}.`);
}

/** Builds a transaction: drops zero postings, refuses an empty or unbalanced one. */
export function journal(kind: MovementKind, reason: JournalTransaction['reason'], postings: readonly Posting[]): JournalTransaction {
  const kept = postings.filter((p) => p.amount !== 0);
  if (kept.length === 0) throw new Error(`A ${kind} transaction needs at least one non-zero posting.`);
  const tx: JournalTransaction = { kind, reason, postings: kept };
  assertBalanced(tx);
  return tx;
}
