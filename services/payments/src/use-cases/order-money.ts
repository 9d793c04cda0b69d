import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { unpayableOrderStatuses, type OrderStatus, type RefundReason as EventRefundReason } from '@vitrine/contracts';
import { scheduleTimer, storeNow } from '@vitrine/platform';
import type { FeeReason, RefundReason as LedgerRefundReason } from '../domain/ledger.js';
import { feeKept, refundDecided } from '../domain/ledger-movements.js';
import { money } from '../domain/money.js';
import { positionOf, postTransaction } from '../store/ledger-book.js';
import { schemaOf, type Row } from '../store/sql.js';
import { refundView, type RefundView } from './views.js';

export const refundPayoutTimer = 'refund-payout';

export interface KnownOrderRow {
  id: string;
  customer_id: string;
  currency: string;
  status: string | null;
  closed_at: unknown;
}

/** Nothing more is collected on this order: payments closed it, or its status takes no payment (or payments never heard of it). */
export function orderEnded(order: Row | undefined): boolean {
  return !order || order.closed_at != null || unpayableOrderStatuses.includes(order.status as OrderStatus);
}

/**
 * Locks the orders' rows (in id order, so two callers never deadlock): the
 * one lock every decision moving an order's money takes first.
 */
export async function lockOrders(em: EntityManager, orderIds: readonly string[]): Promise<KnownOrderRow[]> {
  if (orderIds.length === 0) return [];
  return em.execute<KnownOrderRow[]>(`select * from ${schemaOf(em)}.known_order where id in (?) order by id for update`, [[...new Set(orderIds)]]);
}

/**
 * Creates the order's row when payments first hears of it (a due, a cancellation), or updates what it knows, and
 * returns it locked: the upsert takes the row's lock as lockOrders would, so callers need no second statement.
 */
export async function rememberOrder(
  em: EntityManager,
  order: { id: string; customerId: string; currency: string; status?: string | null; closed?: boolean },
): Promise<KnownOrderRow> {
  const [row] = await em.execute<KnownOrderRow[]>(
    `insert into ${schemaOf(em)}.known_order (id, customer_id, currency, status, closed_at, updated_at) values (?, ?, ?, ?, ?, now())
     on conflict (id) do update set status = coalesce(excluded.status, known_order.status),
       closed_at = coalesce(known_order.closed_at, excluded.closed_at), updated_at = now()
     returning *`,
    [order.id, order.customerId, order.currency, order.status ?? null, order.closed ? storeNow() : null],
  );
  return row!;
}

export interface RefundDecision {
  orderId: string;
  amount: number;
  currency: string;
  /** In the events' words (who decided it). */
  reason: EventRefundReason;
  /** Which accounts it comes from. */
  ledgerReason: LedgerRefundReason;
  requestedBy: string | null;
  note: string | null;
}

/**
 * Decides a refund on one order, in the caller's transaction: the order's
 * row is locked, the amount checked against what the ledger says was paid
 * and not yet refunded (POLICY_VIOLATION REFUND_EXCEEDS_PAID or
 * REFUND_EXCEEDS_AVAILABLE otherwise), booked (REFUND_DECIDED), split across
 * the order's charges newest first (each charge's `refunded` grows; its
 * CHECK is the database's guard), and a payout timer armed for the provider
 * refunds. Later: logistics' shipping excess and after-sales compensation
 * come through here too, with their own reasons.
 */
export async function decideRefund(em: EntityManager, decision: RefundDecision): Promise<RefundView> {
  const s = schemaOf(em);
  const [order] = await lockOrders(em, [decision.orderId]);
  const position = await positionOf(em, decision.orderId, decision.currency);
  const refundId = randomUUID();
  const journal = refundDecided({ refundId, reason: decision.ledgerReason, amount: money(decision.amount, decision.currency) }, position);
  await postTransaction(em, journal, { refundId });
  await em.execute(
    `insert into ${s}.refund (id, order_id, customer_id, reason, ledger_reason, amount, currency, status, requested_by, note, created_at)
     values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, now())`,
    [
      refundId,
      decision.orderId,
      order!.customer_id,
      decision.reason,
      decision.ledgerReason,
      decision.amount,
      decision.currency,
      decision.requestedBy,
      decision.note,
    ],
  );
  for (const piece of journal.postings.filter((p) => p.account === 'REFUNDS_PAYABLE')) {
    const [charge] = await em.execute<{ id: string }[]>(
      `update ${s}.charge set refunded = refunded + ? where order_id = ? and provider_charge_id = ? returning id`,
      [-piece.amount, decision.orderId, piece.chargeId],
    );
    await em.execute(
      `insert into ${s}.refund_payout (id, refund_id, charge_row_id, provider_charge_id, amount, status, created_at) values (?, ?, ?, ?, ?, 'PENDING', now())`,
      [randomUUID(), refundId, charge!.id, piece.chargeId, -piece.amount],
    );
  }
  await scheduleTimer(em, { kind: refundPayoutTimer, key: refundId, dueAt: storeNow() });
  const [row] = await em.execute<Record<string, unknown>[]>(`select * from ${s}.refund where id = ?`, [refundId]);
  return refundView(row!);
}

/** Keeps held money as a fee (a forfeited deposit, a cancellation fee), in the caller's transaction (order locked first). */
export async function keepFee(em: EntityManager, fee: { orderId: string; amount: number; currency: string; reason: FeeReason }): Promise<void> {
  await lockOrders(em, [fee.orderId]);
  const position = await positionOf(em, fee.orderId, fee.currency);
  await postTransaction(em, feeKept({ reason: fee.reason, amount: money(fee.amount, fee.currency) }, position));
}
