import type { Queryable } from './db.js';
import { must } from './client.js';
import type { Shop } from './shop.js';
import type { StreamResult } from './stream.js';

/** An order that ended: paid and waiting for the warehouse, or rejected for want of stock. */
export const endStates = ['READY_TO_FULFIL', 'REJECTED'];
/** An order still on its way to an end state: it must not stay there once the platform is back. */
const pendingStates = ['PENDING', 'AWAITING_PAYMENT'];
/** Statuses in which an order holds its units (a RESERVED stock reservation), as the bench's reconciliation counts them. */
const holdingUnits = ['AWAITING_PAYMENT', 'SECURED', 'PAYMENT_DUE', 'READY_TO_FULFIL', 'IN_FULFILMENT'];
/** The schemas of the services that run the purchase's event flow (each has an outbox, inbox, dead letters and timers). */
const schemas = ['accounts', 'catalog', 'orders', 'payments', 'logistics', 'notifications', 'aftersales'];

/** Every service's own events (forwarded copies, which keep their source, left out), with where each went in its topic. */
export const ownEvents = schemas
  .map((s) => `select '${s}' as producer, topic, key, seq, event_id, sent_at from "${s}".outbox_message where envelope->>'source' = '${s}'`)
  .join(' union all ');
/** Every event some service applied, with when. */
export const appliedEvents = schemas.map((s) => `select '${s}' as consumer, event_id, processed_at from "${s}".inbox_processed_event`).join(' union all ');

const count = async (db: Queryable, sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0]!.n;
const sumOver = (db: Queryable, table: string, where = 'true') =>
  count(db, `select (${schemas.map((s) => `(select count(*) from "${s}".${table} where ${where})`).join(' + ')})::int as n`);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface Figure {
  check: string;
  value: string;
  ok: boolean;
}

export interface Audit {
  /** Seconds from the stream's end until no acknowledged order was pending and every outbox was drained. */
  settleSeconds: number;
  figures: Figure[];
  ok: boolean;
}

/**
 * Waits (at most `settleWithinMs` from the end of the stream) until every
 * order the stream acknowledged has left PENDING/AWAITING_PAYMENT and every
 * outbox is drained, twice in a row; then reads orders', catalog's and
 * payments' own tables (one database, a schema each, as in the bench) and
 * payments' reconciliation, and states every check as a figure.
 */
export async function audit(db: Queryable, shop: Shop, stream: StreamResult, settleWithinMs: number): Promise<Audit> {
  const acknowledged = stream.purchases.flatMap((p) => (p.orderId ? [p.orderId] : []));
  const settleStarted = performance.now();
  let quiet = 0;
  while (quiet < 2 && performance.now() - settleStarted < settleWithinMs) {
    const pending = await count(db, 'select count(*)::int as n from orders.customer_order where id = any($1::uuid[]) and status = any($2::text[])', [
      acknowledged,
      pendingStates,
    ]);
    const unsent = await sumOver(db, 'outbox_message', 'sent_at is null');
    quiet = pending === 0 && unsent === 0 ? quiet + 1 : 0;
    if (quiet < 2) await sleep(500);
  }
  const settleSeconds = (performance.now() - settleStarted) / 1000;
  const figures: Figure[] = [];
  const figure = (check: string, value: string, ok: boolean) => figures.push({ check, value, ok });

  // Orders: each acknowledged checkout is one stored order, in one end state; no retry placed a second one.
  const byStatus = (
    await db.query<{ status: string; n: number }>(
      'select status, count(*)::int as n from orders.customer_order where id = any($1::uuid[]) group by status order by status',
      [acknowledged],
    )
  ).rows;
  const stored = byStatus.reduce((n, r) => n + r.n, 0);
  const ended = byStatus.filter((r) => endStates.includes(r.status)).reduce((n, r) => n + r.n, 0);
  const placedDuringStream = await count(db, 'select count(*)::int as n from orders.customer_order where placed_at >= $1', [stream.startedAt]);
  const endings = tally(stream.purchases.map((p) => p.ending));
  figure(
    'purchases: how shoppers saw them end',
    Object.entries(endings)
      .map(([e, n]) => `${e} ${n}`)
      .join(', '),
    !endings['gave up at checkout'] && !endings['gave up paying'],
  );
  figure('acknowledged checkouts stored as orders', `${stored} of ${acknowledged.length}`, stored === acknowledged.length);
  figure(
    'orders placed during the stream (none doubled by a retry)',
    `${placedDuringStream} for ${acknowledged.length} acknowledged`,
    placedDuringStream === acknowledged.length,
  );
  figure(
    `acknowledged orders in an end state (${endStates.join(', ')})`,
    `${ended} of ${acknowledged.length} (${byStatus.map((r) => `${r.status} ${r.n}`).join(', ')})`,
    ended === acknowledged.length,
  );
  figure('settled: no order pending, every outbox drained', `${settleSeconds.toFixed(1)} s after the stream (bound ${settleWithinMs / 1000} s)`, quiet >= 2);
  const statusOf = new Map(
    (await db.query<{ id: string; status: string }>('select id, status from orders.customer_order where id = any($1::uuid[])', [acknowledged])).rows.map(
      (r) => [r.id, r.status],
    ),
  );
  const paidNotReady = stream.purchases.filter((p) => p.ending === 'paid' && statusOf.get(p.orderId!) !== 'READY_TO_FULFIL').length;
  figure('every order its shopper paid is READY_TO_FULFIL', `${paidNotReady} not`, paidNotReady === 0);

  // Stock, over every product the shop sold: nothing oversold, units held == units in orders that hold them.
  const ids = shop.products.map((p) => p.id);
  const stock = (
    await db.query<{ id: string; available: number; reserved: number }>(
      `select p.id,
              (select coalesce(sum(s.on_hand - s.reserved), 0)::int from catalog.warehouse_stock s where s.product_id = p.id) as available,
              (select coalesce(sum(r.quantity), 0)::int from catalog.stock_reservation r where r.product_id = p.id and r.state = 'RESERVED') as reserved
         from catalog.product p where p.id = any($1::uuid[])`,
      [ids],
    )
  ).rows;
  const inOrders = new Map(
    (
      await db.query<{ product_id: string; units: number }>(
        `select l.product_id, sum(l.quantity)::int as units from orders.order_line l join orders.customer_order o on o.id = l.order_id
          where o.status = any($1::text[]) group by l.product_id`,
        [holdingUnits],
      )
    ).rows.map((r) => [r.product_id, r.units]),
  );
  for (const product of shop.products) {
    const row = stock.find((r) => r.id === product.id);
    const sold = product.initialStock - (row?.available ?? Number.NaN);
    const held = row?.reserved ?? 0;
    const ordered = inOrders.get(product.id) ?? 0;
    figure(
      `stock ${product.sku}: sold == held == in paid or payable orders, none oversold`,
      `initial ${product.initialStock}, sold ${sold}, held ${held}, in orders ${ordered}, left ${row?.available}`,
      sold === held && held === ordered && (row?.available ?? -1) >= 0,
    );
  }
  const holding = await count(db, 'select count(*)::int as n from orders.customer_order where status = any($1::text[])', [holdingUnits]);
  const withReservations = await count(db, `select count(distinct order_id)::int as n from catalog.stock_reservation where state = 'RESERVED'`);
  figure('orders holding units == orders with reservations at catalog', `${holding} / ${withReservations}`, holding === withReservations);

  // Money: one provider charge per paid order, for what it owed; nothing refunded above what was paid.
  const charges = (
    await db.query<{ order_id: string; charges: number; charged: number; due: number }>(
      `select o.id as order_id,
              (select count(*)::int from payments.charge c where c.order_id = o.id) as charges,
              (select coalesce(sum(c.amount), 0)::int from payments.charge c where c.order_id = o.id) as charged,
              (select coalesce(sum(d.amount), 0)::int from payments.payment_due d where d.order_id = o.id) as due
         from orders.customer_order o where o.id = any($1::uuid[])`,
      [acknowledged],
    )
  ).rows;
  const paidOrders = charges.filter((c) => statusOf.get(c.order_id) === 'READY_TO_FULFIL');
  const oneChargeEach = paidOrders.filter((c) => c.charges === 1 && c.charged === c.due && c.due > 0).length;
  const chargedUnpaid = charges.filter((c) => statusOf.get(c.order_id) !== 'READY_TO_FULFIL' && c.charges > 0).length;
  figure('paid orders with exactly one charge, of what was due', `${oneChargeEach} of ${paidOrders.length}`, oneChargeEach === paidOrders.length);
  figure('charges on orders that are not paid', String(chargedUnpaid), chargedUnpaid === 0);
  const providerCharges = await count(
    db,
    `select count(*)::int as n from payments.sandbox_payment sp
      where sp.charge_id is not null and exists (select 1 from payments.payment_allocation a where a.intent_id::text = sp.metadata->>'intent_id' and a.order_id = any($1::uuid[]))`,
    [acknowledged],
  );
  figure("provider's captured charges == paid orders", `${providerCharges} / ${paidOrders.length}`, providerCharges === paidOrders.length);
  // A retry after a 500 or a timeout must reuse the provider's idempotency key, or the customer is charged twice.
  const chargedTwice = await count(
    db,
    `select count(*)::int as n from (select a.order_id from payments.sandbox_payment sp
       join payments.payment_allocation a on a.intent_id::text = sp.metadata->>'intent_id'
      where sp.charge_id is not null and a.order_id = any($1::uuid[]) group by a.order_id having count(*) > 1) d`,
    [acknowledged],
  );
  figure('orders charged more than once at the provider', String(chargedTwice), chargedTwice === 0);
  const overRefunded = await count(db, 'select count(*)::int as n from payments.charge where refunded > amount');
  const refunds = await count(db, 'select count(*)::int as n from payments.refund where order_id = any($1::uuid[])', [acknowledged]);
  figure('refunds (none asked for) / charges refunded above their amount', `${refunds} / ${overRefunded}`, refunds === 0 && overRefunded === 0);
  type Reconciliation = { ledgerReconciliation: { balanced: boolean; processingIntents: number; transactions: number; discrepancies: { kind: string }[] } };
  const { ledgerReconciliation: ledger } = await must<Reconciliation>(
    shop.gatewayUrl,
    '{ ledgerReconciliation { balanced processingIntents transactions discrepancies { kind } } }',
    {},
    shop.adminToken,
  );
  figure(
    "payments' ledger reconciliation (balanced, equal to the provider, nothing processing)",
    `balanced ${ledger.balanced}, ${ledger.transactions} transactions, processing ${ledger.processingIntents}, discrepancies ${ledger.discrepancies.map((d) => d.kind).join(', ') || 'none'}`,
    ledger.balanced && ledger.processingIntents === 0 && ledger.discrepancies.length === 0,
  );

  // Events: applied once each (effects counted too, not only the inbox's key), nothing parked, no timer given up.
  const doubleDues = await count(
    db,
    'select count(*)::int as n from (select order_id, purpose from payments.payment_due where order_id = any($1::uuid[]) group by 1, 2 having count(*) > 1) d',
    [acknowledged],
  );
  figure('orders with a due announced twice', String(doubleDues), doubleDues === 0);
  figures.push(await orderFigure(db, stream.startedAt), ...(await eventFigures(db)));
  return { settleSeconds, figures, ok: figures.every((f) => f.ok) };
}

/** Over every service: no event applied twice by an inbox, nothing parked, no durable timer given up. */
export async function eventFigures(db: Queryable): Promise<Figure[]> {
  const inboxDuplicates = await count(
    db,
    `select count(*)::int as n from (${schemas.map((s) => `select event_id from "${s}".inbox_processed_event group by event_id having count(*) > 1`).join(' union all ')}) d`,
  );
  const deadLetters = await sumOver(db, 'inbox_dead_letter');
  const deadTimers = await sumOver(db, 'scheduled_timer', 'dead_at is not null');
  return [
    { check: 'inbox rows applied twice (all services)', value: String(inboxDuplicates), ok: inboxDuplicates === 0 },
    { check: 'events parked in dead-letter tables (all services)', value: String(deadLetters), ok: deadLetters === 0 },
    { check: 'durable timers given up (all services)', value: String(deadTimers), ok: deadTimers === 0 },
  ];
}

/** Each service's own events marked sent, with the commit time of the relay's transaction that marked them (the row's xmin). */
const markedEvents = schemas
  .map(
    (s) =>
      `select '${s}' as producer, topic, key, seq, event_id, sent_at, pg_xact_commit_timestamp(xmin) as marked_at from "${s}".outbox_message
        where envelope->>'source' = '${s}' and sent_at is not null`,
  )
  .join(' union all ');
/** Every event some service applied, with the commit time of the transaction that applied it (the inbox row's xmin). */
const committedEvents = schemas
  .map((s) => `select '${s}' as consumer, event_id, type, processed_at, pg_xact_commit_timestamp(xmin) as committed_at from "${s}".inbox_processed_event`)
  .join(' union all ');

/**
 * Over the stream: no consumer applied an aggregate's events out of order
 * (one topic, one key: the order its producer's relay published them in, by
 * batch, then by seq within the batch). Both sides are ordered by commit
 * times (the stack's PostgreSQL tracks them): the relay transaction's that
 * marked the rows sent (batches commit one at a time, under the relay lock),
 * and the consumer transaction's that wrote the inbox row. The rows' own
 * `now()` stamps are their transactions' starts, which can misorder two
 * transactions of different replicas that overlapped: counted, shown, not
 * asserted. Events applied in one transaction share a time; only a later
 * event applied strictly before an earlier one counts. Pairs out of order
 * are printed (the first few), to say which consumer and events.
 */
export async function orderFigure(db: Queryable, since: Date): Promise<Figure> {
  const { rows } = await db.query<{ applied: number; unstamped: number; out_of_order: number; stamped: number; examples: Record<string, unknown>[] | null }>(
    `with applied as (
       select a.consumer, e.producer, e.topic, e.key, e.sent_at, e.marked_at, e.seq, a.type, a.processed_at, a.committed_at
         from (${markedEvents}) e join (${committedEvents}) a using (event_id) where a.processed_at >= $1),
     pairs as (
       select x.consumer, x.producer, x.topic, x.key,
              x.seq as earlier_seq, x.type as earlier_type, x.marked_at as earlier_marked, x.committed_at as earlier_applied,
              y.seq as later_seq, y.type as later_type, y.marked_at as later_marked, y.committed_at as later_applied,
              (x.marked_at, x.seq) < (y.marked_at, y.seq) and x.committed_at > y.committed_at as late,
              (x.sent_at, x.seq) < (y.sent_at, y.seq) and x.processed_at > y.processed_at as stamped
         from applied x join applied y on x.consumer = y.consumer and x.producer = y.producer and x.topic = y.topic and x.key = y.key)
     select (select count(*) from applied)::int as applied,
            (select count(*) from applied where marked_at is null or committed_at is null)::int as unstamped,
            (select count(*) from pairs where late)::int as out_of_order,
            (select count(*) from pairs where stamped)::int as stamped,
            (select json_agg(p) from (select * from pairs where late or stamped limit 6) p) as examples`,
    [since],
  );
  const { applied, unstamped, out_of_order, stamped, examples } = rows[0]!;
  if (examples) {
    console.log("[fault] events applied out of their aggregate's order, by commit (late) or by transaction start (stamped), the first pairs:");
    console.table(examples);
  }
  return {
    check: "events applied out of their aggregate's order (per consumer, topic and key, as published; by commit times)",
    value:
      `${out_of_order} pairs out of order among ${applied} applied events` +
      `${unstamped ? `, ${unstamped} without a commit time` : ''} (by the rows' transaction-start stamps: ${stamped})`,
    ok: applied > 0 && unstamped === 0 && out_of_order === 0,
  };
}

export function tally(labels: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const label of labels) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}
