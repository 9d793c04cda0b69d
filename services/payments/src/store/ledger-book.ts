import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LedgerAccount } from '../domain/ledger-accounts.js';
import type { JournalTransaction, MovementKind, Posting, RecordedTransaction } from '../domain/ledger.js';
import { orderPosition, type OrderPosition } from '../domain/order-position.js';
import { schemaOf } from './sql.js';

/**
 * Writes one journal transaction and its postings, in the caller's
 * transaction. The database checks at commit that it balances per currency
 * (a deferred constraint trigger) and that no order ends up refunded above
 * what it paid.
 */
export async function postTransaction(
  em: EntityManager,
  tx: JournalTransaction,
  links: { intentId?: string; refundId?: string } = {},
): Promise<RecordedTransaction> {
  const s = schemaOf(em);
  const id = randomUUID();
  const values = tx.postings.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
  // The transaction and its postings in one statement (the balance is checked at commit, by the deferred trigger).
  const [row] = await em.execute<{ sequence: string }[]>(
    `with recorded as (
       insert into ${s}.ledger_transaction (id, kind, reason, intent_id, refund_id, created_at) values (?, ?, ?, ?, ?, now()) returning sequence
     ), posted as (
       insert into ${s}.ledger_posting (transaction_id, account, amount, currency, order_id, charge_id, refund_id, provider_refund_id) values ${values}
     )
     select sequence from recorded`,
    [
      id,
      tx.kind,
      tx.reason,
      links.intentId ?? null,
      links.refundId ?? null,
      ...tx.postings.flatMap((p) => [
        id,
        p.account,
        p.amount,
        p.currency,
        p.orderId ?? null,
        p.chargeId ?? null,
        p.refundId ?? null,
        p.providerRefundId ?? null,
      ]),
    ],
  );
  return { ...tx, id, sequence: Number(row!.sequence) };
}

interface PostingRow {
  transaction_id: string;
  sequence: string;
  kind: MovementKind;
  reason: string | null;
  account: LedgerAccount;
  amount: string;
  currency: string;
  order_id: string | null;
  charge_id: string | null;
  refund_id: string | null;
  provider_refund_id: string | null;
}

/** Rows of postings (joined with their transaction) as recorded transactions, in ledger order. */
export function toTransactions(rows: readonly PostingRow[]): RecordedTransaction[] {
  const byId = new Map<string, RecordedTransaction & { postings: Posting[] }>();
  for (const r of rows) {
    let tx = byId.get(r.transaction_id);
    if (!tx) byId.set(r.transaction_id, (tx = { id: r.transaction_id, sequence: Number(r.sequence), kind: r.kind, reason: r.reason as never, postings: [] }));
    const posting: Posting = { account: r.account, amount: Number(r.amount), currency: r.currency };
    if (r.order_id) posting.orderId = r.order_id;
    if (r.charge_id) posting.chargeId = r.charge_id;
    if (r.refund_id) posting.refundId = r.refund_id;
    if (r.provider_refund_id) posting.providerRefundId = r.provider_refund_id;
    tx.postings.push(posting);
  }
  return [...byId.values()].sort((a, b) => a.sequence - b.sequence);
}

const postingColumns = `p.transaction_id, t.sequence, t.kind, t.reason, p.account, p.amount, p.currency, p.order_id, p.charge_id, p.refund_id, p.provider_refund_id`;

/** The orders' own postings (every transaction balances per order, so these are complete for their positions). */
export async function orderTransactions(em: EntityManager, orderIds: readonly string[]): Promise<RecordedTransaction[]> {
  if (orderIds.length === 0) return [];
  const s = schemaOf(em);
  const rows = await em.execute<PostingRow[]>(
    `select ${postingColumns} from ${s}.ledger_posting p join ${s}.ledger_transaction t on t.id = p.transaction_id
      where p.order_id in (?) order by t.sequence, p.id`,
    [orderIds],
  );
  return toTransactions(rows);
}

/** The whole ledger, for the reconciliation. */
export async function allTransactions(em: EntityManager): Promise<RecordedTransaction[]> {
  const s = schemaOf(em);
  const rows = await em.execute<PostingRow[]>(
    `select ${postingColumns} from ${s}.ledger_posting p join ${s}.ledger_transaction t on t.id = p.transaction_id order by t.sequence, p.id`,
  );
  return toTransactions(rows);
}

export async function positionOf(em: EntityManager, orderId: string, currency: string): Promise<OrderPosition> {
  return orderPosition(orderId, currency, await orderTransactions(em, [orderId]));
}
