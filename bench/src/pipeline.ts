import type pg from 'pg';
import { sleep } from './util.js';

/**
 * Where the asynchronous order flow stands: orders stored -> OrderPlaced
 * handled by catalog (reserved or rejected) -> catalog's answer applied by
 * orders. Cumulative counts, so two snapshots give each stage's rate.
 */
interface PipelineSnapshot {
  at: number;
  placed: number;
  decidedByCatalog: number;
  appliedByOrders: number;
  pendingOrders: number;
  ordersOutboxUnsent: number;
  catalogOutboxUnsent: number;
  /**
   * Orders that accounts' projection (accounts.known_order, fed by OrderPlaced
   * and OrderStatusChanged) does not yet show with their customer and current
   * status.
   */
  accountsBehind: number;
}

export interface Settlement {
  settled: boolean;
  loadSeconds: number;
  /** From the end of the load until nothing was left in flight (or the wait gave up). */
  settleSeconds: number;
  beforeLoad: PipelineSnapshot;
  atLoadEnd: PipelineSnapshot;
  final: PipelineSnapshot;
}

const count = async (db: pg.Client, sql: string) => (await db.query<{ n: number }>(sql)).rows[0]!.n;

function accountsBehind(db: pg.Client): Promise<number> {
  // Both schemas live in one database here, so a cross-schema join is possible (the services never do it).
  return count(
    db,
    `select count(*)::int as n from orders.customer_order o left join accounts.known_order k on k.order_id = o.id
      where k.order_id is null or k.customer_id is distinct from o.customer_id or k.status <> o.status`,
  );
}

export async function snapshotPipeline(db: pg.Client): Promise<PipelineSnapshot> {
  return {
    at: performance.now(),
    placed: await count(db, 'select count(*)::int as n from orders.customer_order'),
    decidedByCatalog: await count(db, `select count(*)::int as n from catalog.inbox_processed_event where type = 'orders.order.placed'`),
    appliedByOrders: await count(
      db,
      `select count(*)::int as n from orders.inbox_processed_event where type in ('catalog.stock.reserved', 'catalog.stock.rejected')`,
    ),
    pendingOrders: await count(db, `select count(*)::int as n from orders.customer_order where status = 'PENDING'`),
    ordersOutboxUnsent: await count(db, 'select count(*)::int as n from orders.outbox_message where sent_at is null'),
    catalogOutboxUnsent: await count(db, 'select count(*)::int as n from catalog.outbox_message where sent_at is null'),
    accountsBehind: await accountsBehind(db),
  };
}

/**
 * The books only balance once both outboxes are empty, no order is pending
 * and accounts' order projection has caught up. Required twice in a row,
 * because an empty outbox can mean a message is between the relay and a
 * consumer.
 */
export async function waitForSettlement(db: pg.Client, beforeLoad: PipelineSnapshot, atLoadEnd: PipelineSnapshot, timeoutMs: number): Promise<Settlement> {
  let final = atLoadEnd;
  let quietPolls = 0;
  while (performance.now() - atLoadEnd.at < timeoutMs) {
    final = await snapshotPipeline(db);
    const quiet = final.ordersOutboxUnsent === 0 && final.catalogOutboxUnsent === 0 && final.pendingOrders === 0 && final.accountsBehind === 0;
    quietPolls = quiet ? quietPolls + 1 : 0;
    if (quietPolls >= 2) break;
    await sleep(500);
  }
  return {
    settled: quietPolls >= 2,
    loadSeconds: (atLoadEnd.at - beforeLoad.at) / 1000,
    settleSeconds: (final.at - atLoadEnd.at) / 1000,
    beforeLoad,
    atLoadEnd,
    final,
  };
}

type Stage = 'placed' | 'decidedByCatalog' | 'appliedByOrders';

export function stageRate(from: PipelineSnapshot, to: PipelineSnapshot, stage: Stage): number {
  const seconds = (to.at - from.at) / 1000;
  return seconds > 0 ? (to[stage] - from[stage]) / seconds : Number.NaN;
}

/** Events applied so far by every service (the rows of each schema's inbox). */
async function eventsApplied(db: pg.Client): Promise<number> {
  const { rows } = await db.query<{ table_schema: string }>(`select table_schema from information_schema.tables where table_name = 'inbox_processed_event'`);
  if (rows.length === 0) return 0;
  const sum = rows.map((r) => `select count(*) as n from "${r.table_schema}".inbox_processed_event`).join(' union all ');
  return count(db, `select coalesce(sum(n), 0)::int as n from (${sum}) applied`);
}

/**
 * Timers due and not yet fired, in every service (notifications' emails go
 * out on timers: an order's confirmation is sent after its event was applied).
 */
async function dueTimers(db: pg.Client): Promise<number> {
  const { rows } = await db.query<{ table_schema: string }>(`select table_schema from information_schema.tables where table_name = 'scheduled_timer'`);
  if (rows.length === 0) return 0;
  const due = rows
    .map((r) => `select count(*) as n from "${r.table_schema}".scheduled_timer where fired_at is null and dead_at is null and due_at <= now()`)
    .join(' union all ');
  return count(db, `select coalesce(sum(n), 0)::int as n from (${due}) due`);
}

/**
 * Waits until no service has applied an event for `quietMs` and no timer is
 * due: a set-up's events (emails, projections, shipments) worked through
 * before a measurement starts, on either transport, and the emails they
 * queued sent. Gives up after `timeoutMs`.
 */
export async function waitForQuietConsumers(db: pg.Client, label: string, timeoutMs: number, quietMs = 2_000): Promise<void> {
  const { quiet, seconds } = await untilQuiet(db, quietMs, timeoutMs);
  console.log(`[bench]   before ${label}: every service's consumer ${quiet ? 'quiet' : 'STILL BUSY'} after ${seconds.toFixed(1)} s`);
}

async function untilQuiet(db: pg.Client, quietMs: number, timeoutMs: number): Promise<{ quiet: boolean; seconds: number }> {
  const started = performance.now();
  let last = await eventsApplied(db);
  let since = performance.now();
  while (performance.now() - started < timeoutMs) {
    await sleep(500);
    const now = await eventsApplied(db);
    if (now !== last) {
      last = now;
      since = performance.now();
    } else if (performance.now() - since >= quietMs && (await dueTimers(db)) === 0) {
      return { quiet: true, seconds: (performance.now() - started) / 1000 };
    }
  }
  return { quiet: false, seconds: (performance.now() - started) / 1000 };
}
