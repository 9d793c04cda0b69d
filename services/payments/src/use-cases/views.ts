import type { EntityManager } from '@mikro-orm/postgresql';
import type { PaymentPurpose, RefundReason } from '@vitrine/contracts';
import type { FailureKind } from '../domain/failure-reasons.js';
import type { PaymentIntentStatus } from '../domain/payment-intent-status.js';
import type { NextAction } from '../store/payment-intent.entity.js';
import type { RefundStatus } from '../domain/refund-status.js';
import { schemaOf, toDate, type Row } from '../store/sql.js';

/**
 * What callers get back, as plain JSON: the first answer to an idempotency
 * key is stored in this shape and replayed as it was.
 */
export interface PaymentIntentView {
  id: string;
  customerId: string;
  status: PaymentIntentStatus;
  purpose: PaymentPurpose;
  amount: number;
  currency: string;
  allocations: { orderId: string; dueId: string; amount: number }[];
  failure: { kind: FailureKind; message: string } | null;
  nextAction: NextAction | null;
  methodLabel: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RefundView {
  id: string;
  orderId: string;
  customerId: string;
  reason: RefundReason;
  amount: number;
  currency: string;
  status: RefundStatus;
  createdAt: string;
  completedAt: string | null;
}

const iso = (value: unknown) => toDate(value)!.toISOString();

export function intentView(row: Row, allocations: Row[]): PaymentIntentView {
  return {
    id: row.id,
    customerId: row.customer_id,
    status: row.status,
    purpose: row.purpose,
    amount: Number(row.amount),
    currency: row.currency,
    allocations: allocations.map((a) => ({ orderId: a.order_id, dueId: a.due_id, amount: Number(a.amount) })),
    failure: row.status === 'FAILED' && row.failure_kind ? { kind: row.failure_kind, message: row.failure_message } : null,
    nextAction: row.status === 'REQUIRES_ACTION' ? (row.next_action ?? { type: 'CONFIRM', redirectUrl: null }) : null,
    methodLabel: row.method_label,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** Intents by id with their allocations, in the order asked (missing ones left out). */
export async function loadIntentViews(em: EntityManager, ids: readonly string[]): Promise<PaymentIntentView[]> {
  if (ids.length === 0) return [];
  const s = schemaOf(em);
  // Each intent with its allocations, in one statement (a pay answers with its intent: one round trip, not two).
  const rows = await em.execute<Row[]>(
    `select i.*, coalesce((
       select json_agg(json_build_object('order_id', a.order_id, 'due_id', a.due_id, 'amount', a.amount) order by a.order_id, a.due_id)
         from ${s}.payment_allocation a where a.intent_id = i.id), '[]') as allocations_read
       from ${s}.payment_intent i where i.id in (?)`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id as string, intentView(r, r.allocations_read as Row[])]));
  return ids.map((id) => byId.get(id)).filter((v): v is PaymentIntentView => v !== undefined);
}

export async function loadIntentView(em: EntityManager, id: string): Promise<PaymentIntentView | null> {
  return (await loadIntentViews(em, [id]))[0] ?? null;
}

export function refundView(row: Row): RefundView {
  return {
    id: row.id,
    orderId: row.order_id,
    customerId: row.customer_id,
    reason: row.reason,
    amount: Number(row.amount),
    currency: row.currency,
    status: row.status,
    createdAt: iso(row.created_at),
    completedAt: row.completed_at ? iso(row.completed_at) : null,
  };
}

export async function loadRefundView(em: EntityManager, id: string): Promise<RefundView | null> {
  const [row] = await em.execute<Row[]>(`select * from ${schemaOf(em)}.refund where id = ?`, [id]);
  return row ? refundView(row) : null;
}
