import type { EntityManager } from '@mikro-orm/postgresql';
import type { PaymentPurpose } from '@vitrine/contracts';
import { BadUserInput, decodeCursor, encodeCursor, isUuid, pageSize, requireUuid } from '@vitrine/platform';
import type { PaymentIntentStatus } from '../domain/payment-intent-status.js';
import { schemaOf } from '../store/sql.js';
import { loadIntentViews, type PaymentIntentView } from './views.js';

export interface IntentFilter {
  status?: PaymentIntentStatus | null;
  purpose?: PaymentPurpose | null;
  customerId?: string | null;
  orderId?: string | null;
}

type Position = { at: string; id: string };
const timestamp = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/;
const isPosition = (v: unknown): v is Position =>
  typeof v === 'object' && v !== null && typeof (v as Position).at === 'string' && timestamp.test((v as Position).at) && isUuid(String((v as Position).id));

/** The back office's list of intents: newest first, keyset-paginated on (created_at, id). */
export async function listIntents(
  em: EntityManager,
  filter: IntentFilter,
  first: number | null,
  after: string | null,
): Promise<{ items: { view: PaymentIntentView; cursor: string }[]; hasNextPage: boolean; endCursor: string | null }> {
  const size = pageSize(first);
  if (after != null && after.length > 500)
    throw new BadUserInput('The pagination cursor is not valid; start again from the first page.', [
      { field: 'after', reason: 'INVALID_CURSOR', message: 'Not a cursor returned by this API.' },
    ]);
  const s = schemaOf(em);
  const where: string[] = [];
  const params: unknown[] = [];
  const condition = (sql: string, param: unknown) => {
    where.push(sql);
    params.push(param);
  };
  if (filter.status) condition('i.status = ?', filter.status);
  if (filter.purpose) condition('i.purpose = ?', filter.purpose);
  if (filter.customerId) condition('i.customer_id = ?', requireUuid(filter.customerId, 'filter.customerId', 'customer'));
  if (filter.orderId)
    condition(`i.id in (select intent_id from ${s}.payment_allocation where order_id = ?)`, requireUuid(filter.orderId, 'filter.orderId', 'order'));
  if (after) {
    const position = decodeCursor(after, isPosition);
    where.push('(i.created_at, i.id) < (?::timestamptz, ?::uuid)');
    params.push(position.at, position.id);
  }
  // The cursor keeps the database's own text of the time (microseconds), so no row is skipped at a page edge.
  const rows = await em.execute<{ id: string; at: string }[]>(
    `select i.id, i.created_at::text as at from ${s}.payment_intent i ${where.length ? `where ${where.join(' and ')}` : ''} order by i.created_at desc, i.id desc limit ?`,
    [...params, size + 1],
  );
  const pageRows = rows.slice(0, size);
  const views = await loadIntentViews(
    em,
    pageRows.map((r) => r.id),
  );
  const items = views.map((view) => ({ view, cursor: encodeCursor({ at: pageRows.find((r) => r.id === view.id)!.at, id: view.id }) }));
  return { items, hasNextPage: rows.length > size, endCursor: items.at(-1)?.cursor ?? null };
}
