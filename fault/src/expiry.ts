import type { Figure } from './audit.js';
import { must } from './client.js';
import type { Queryable } from './db.js';
import type { Product, Shop } from './shop.js';

// Orders left unpaid across their pay-at-order deadline while orders is down: when it returns, each expires once.

const checkoutMutation = `mutation($input: CheckoutInput!, $key: String!) { checkout(input: $input, idempotencyKey: $key) { id } }`;
const address = { name: 'Fault Customer', line1: '1 rue de la Paix', city: 'Paris', postalCode: '75002', country: 'FR' };
/** orders' timer for a due's deadline (services/orders use-cases/order-life.ts). */
const paymentDeadlineKind = 'payment-deadline';
const orderExpiredType = 'orders.order.expired';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const count = async (db: Queryable, sql: string, params: unknown[]) => (await db.query<{ n: number }>(sql, params)).rows[0]!.n;

async function until(timeoutMs: number, holds: () => Promise<boolean>): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!(await holds())) {
    if (performance.now() > deadline) return false;
    await sleep(250);
  }
  return true;
}

/** One checkout per shopper (one unit of `product`), left unpaid; resolves once every order is AWAITING_PAYMENT with its due open. */
export async function placeUnpaidOrders(shop: Shop, db: Queryable, product: Product, orders: number): Promise<string[]> {
  const ids = await Promise.all(
    shop.customers.slice(0, orders).map(async (customer, i) => {
      const input = { lines: [{ productId: product.id, quantity: 1 }], shippingAddress: address, shippingMethod: 'STANDARD' };
      const { checkout } = await must<{ checkout: { id: string }[] }>(
        shop.gatewayUrl,
        checkoutMutation,
        { input, key: `fault-expiry-${Date.now()}-${i}` },
        customer.token,
      );
      return checkout[0]!.id;
    }),
  );
  const awaiting = await until(60_000, async () => {
    const n = await count(
      db,
      `select count(*)::int as n from orders.customer_order o where o.id = any($1::uuid[]) and o.status = 'AWAITING_PAYMENT'
          and exists (select 1 from orders.order_due d where d.order_id = o.id and d.status = 'OPEN' and d.due_at is not null)`,
      [ids],
    );
    return n === ids.length;
  });
  if (!awaiting) throw new Error('the unpaid orders did not all reach AWAITING_PAYMENT within 60 s');
  return ids;
}

/**
 * Moves orders' sandbox clock (its `sandbox_clock` row, which a service in
 * sandbox mode reads when it starts) to a minute past the latest deadline of
 * these orders' dues (the policy's pay-at-order window, as orders stored it).
 * Only while orders is down: a running one would not read it before its next timer round.
 */
export async function moveOrdersClockPast(db: Queryable, orderIds: string[]): Promise<{ byMs: number; latestDeadline: Date }> {
  const { rows } = await db.query<{ latest: Date }>(`select max(due_at) as latest from orders.order_due where order_id = any($1::uuid[]) and status = 'OPEN'`, [
    orderIds,
  ]);
  const latestDeadline = rows[0]!.latest;
  const current = (await db.query<{ offset_ms: string; sequence: number }>('select offset_ms, sequence from orders.sandbox_clock')).rows[0];
  const currentOffset = Number(current?.offset_ms ?? 0);
  const byMs = Math.max(0, latestDeadline.getTime() + 60_000 - (Date.now() + currentOffset));
  await db.query(
    `insert into orders.sandbox_clock (id, offset_ms, sequence, moved_at) values (1, $1, $2, now())
     on conflict (id) do update set offset_ms = excluded.offset_ms, sequence = excluded.sequence, moved_at = now()`,
    [currentOffset + byMs, (current?.sequence ?? 0) + 1],
  );
  return { byMs, latestDeadline };
}

/**
 * Waits (at most `settleWithinMs`) until every order expired and catalog
 * released its units, then states the checks: each order expired once (one
 * OrderExpired in orders' outbox), its deadline timer fired once and only
 * once, its units released once at catalog, the product's stock whole again.
 */
export async function auditExpiry(db: Queryable, product: Product, orderIds: string[], settleWithinMs: number): Promise<Figure[]> {
  const started = performance.now();
  const released = () =>
    count(db, `select count(distinct order_id)::int as n from catalog.stock_movement where kind = 'RELEASED' and order_id = any($1::uuid[])`, [orderIds]);
  const settled = await until(settleWithinMs, async () => (await released()) === orderIds.length);
  const seconds = (performance.now() - started) / 1000;
  const figures: Figure[] = [];
  const figure = (check: string, value: string, ok: boolean) => figures.push({ check, value, ok });
  const n = orderIds.length;

  const statuses = (
    await db.query<{ status: string; n: number }>(
      'select status, count(*)::int as n from orders.customer_order where id = any($1::uuid[]) group by status order by status',
      [orderIds],
    )
  ).rows;
  const expired = statuses.find((r) => r.status === 'EXPIRED')?.n ?? 0;
  figure('unpaid orders expired', `${expired} of ${n} (${statuses.map((r) => `${r.status} ${r.n}`).join(', ')})`, expired === n);
  figure('settled: units released for every order', `${seconds.toFixed(1)} s after orders was ready (bound ${settleWithinMs / 1000} s)`, settled);
  const expiries = (
    await db.query<{ key: string; n: number }>(
      'select key, count(*)::int as n from orders.outbox_message where type = $1 and key = any($2::text[]) group by key',
      [orderExpiredType, orderIds],
    )
  ).rows;
  const once = expiries.filter((r) => r.n === 1).length;
  figure("OrderExpired in orders' outbox: orders with exactly one / with more", `${once} of ${n} / ${expiries.filter((r) => r.n > 1).length}`, once === n);
  const timers = (
    await db.query<{ fired: number; pending: number; dead: number; rows: number; attempts: number }>(
      `select count(*) filter (where fired_at is not null)::int as fired, count(*) filter (where fired_at is null and dead_at is null)::int as pending,
              count(*) filter (where dead_at is not null)::int as dead, count(*)::int as rows, coalesce(sum(attempts), 0)::int as attempts
         from orders.scheduled_timer where kind = $1 and payload->>'orderId' = any($2::text[])`,
      [paymentDeadlineKind, orderIds],
    )
  ).rows[0]!;
  figure(
    'deadline timers: one per order, fired, none pending or given up',
    `${timers.rows} timers, fired ${timers.fired}, pending ${timers.pending}, given up ${timers.dead}, failed attempts ${timers.attempts}`,
    timers.rows === n && timers.fired === n && timers.pending === 0 && timers.dead === 0,
  );
  const releases = (
    await db.query<{ order_id: string; n: number; units: number }>(
      `select order_id, count(*)::int as n, -sum(quantity)::int as units from catalog.stock_movement
        where kind = 'RELEASED' and order_id = any($1::uuid[]) group by order_id`,
      [orderIds],
    )
  ).rows;
  const releasedOnce = releases.filter((r) => r.n === 1 && r.units === 1).length;
  figure('catalog: orders whose unit was released exactly once', `${releasedOnce} of ${n}`, releasedOnce === n);
  const stock = (
    await db.query<{ available: number; reserved: number }>(
      `select (select coalesce(sum(on_hand - reserved), 0)::int from catalog.warehouse_stock where product_id = $1) as available,
              (select coalesce(sum(quantity), 0)::int from catalog.stock_reservation where product_id = $1 and state = 'RESERVED') as reserved`,
      [product.id],
    )
  ).rows[0]!;
  figure(
    `stock ${product.sku}: whole again, nothing held`,
    `initial ${product.initialStock}, available ${stock.available}, held ${stock.reserved}`,
    stock.available === product.initialStock && stock.reserved === 0,
  );
  return figures;
}
