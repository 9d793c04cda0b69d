import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { BenchConfig } from '../config.js';
import type { Check } from '../reconcile.js';
import { bearer, gqlData } from '../graphql.js';
import { runLoad, summarize, type LoadResult, type RequestContext } from '../load.js';
import type { Sampler } from '../resources.js';
import {
  createProductMutation,
  customerPassword,
  inBatches,
  placeOrderMutation,
  registerMutation,
  signIn,
  type BenchCustomer,
  type SeededProduct,
} from '../seed.js';
import type { BenchStack } from '../stack.js';
import { pollUntil, sleep } from '../util.js';
import { tallyPlacedOrders, type AcknowledgedOrder } from './place-orders.js';

export interface DropDayResult {
  customers: number;
  units: number;
  product: SeededProduct;
  /** Registering and signing in the customers (not measured). */
  setupSeconds: number;
  registrationWidth: number;
  result: LoadResult;
  /** Requests the builder made: must equal `customers` (one placeOrder each). */
  requestsBuilt: number;
  acknowledged: AcknowledgedOrder[];
  acknowledgedStatus: Record<string, number>;
  /** From the end of the load until no order for the product was PENDING (or the wait gave up). */
  settleSeconds: number;
  settled: boolean;
  pendingAtLoadEnd: number;
  ordersByStatus: { status: string; reason: string; count: number }[];
  confirmed: number;
  rejected: number;
  /** Sum of the product's held catalog.stock_reservation rows. */
  unitsSold: number;
  /** Units of the limited run still open to preorders (capacity - reserved in the preorder pool). */
  stockLeft: number;
  checks: Check[];
  ok: boolean;
}

/** argon2id at register and again at login: 8 in flight keeps accounts' 4 libuv threads busy without a queue of seconds. */
const registrationWidth = 8;

const count = async (db: pg.Client, sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0]!.n;

/**
 * Drop day: `dropCustomers` fresh customers each place exactly one preorder
 * for one unit of a limited run of `dropUnits` (a PREORDER product whose
 * limited quantity is that), all at once through the
 * gateway. Exactly min(customers, units) orders must end AWAITING_PAYMENT (units held, deposit due), the rest
 * REJECTED, and the reservations must add up to that, leaving no stock when
 * the drop sells out: no oversell, no undersell.
 */
export async function runDropDay(config: BenchConfig, stack: BenchStack, db: pg.Client, sample: Sampler): Promise<DropDayResult> {
  const run = Date.now().toString(36);
  const n = config.dropCustomers;
  const units = config.dropUnits;

  const setupStarted = performance.now();
  const emails = Array.from({ length: n }, (_, i) => `drop-${run}-${String(i).padStart(5, '0')}@vitrine-bench.example`);
  let done = 0;
  const customers: BenchCustomer[] = await inBatches(emails, registrationWidth, async (email, i) => {
    const input = { email, password: customerPassword, country: 'FR', displayName: `Drop customer ${i}` };
    const { register: registered } = await gqlData<{ register: { id: string } }>(stack.urls.gateway, registerMutation, { input });
    const session = await signIn(stack.urls.gateway, email, customerPassword);
    if (session.customer.id !== registered.id) throw new Error(`login as ${email} returned customer ${session.customer.id}, registered as ${registered.id}`);
    if (++done % 100 === 0) console.log(`[bench]   ${done} of ${n} drop customers registered`);
    return { id: registered.id, email, password: customerPassword, token: session.accessToken };
  });

  const admin = await signIn(stack.urls.gateway, stack.admin.email, stack.admin.password);
  const input = { sku: `DROP-${run}`, name: `Bench limited drop ${run}`, price: { amount: 4999, currency: 'USD' }, status: 'PREORDER', limitedQuantity: units };
  const created = await gqlData<{ createProduct: { id: string; sku: string } }>(
    stack.urls.catalog,
    createProductMutation,
    { input },
    bearer(admin.accessToken),
  );
  const product: SeededProduct = { id: created.createProduct.id, sku: created.createProduct.sku, initialStock: units };
  await pollUntil('orders learning the drop product', 60_000, async () =>
    (await count(db, 'select count(*)::int as n from orders.known_product where id = $1', [product.id])) === 1 ? true : undefined,
  );
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  console.log(`[bench] drop set-up: ${n} customers registered and signed in, product ${product.sku} (${units} units) in ${setupSeconds.toFixed(1)} s`);

  const acknowledged: AcknowledgedOrder[] = [];
  const acknowledgedStatus: Record<string, number> = {};
  let next = 0;
  const body = (key: string) => JSON.stringify({ query: placeOrderMutation, variables: { input: { lines: [{ productId: product.id, quantity: 1 }] }, key } });
  const request = (context: RequestContext) => {
    // autocannon sends exactly `amount` requests; wrapping would only happen if it retried, which the checks would catch.
    const customer = customers[next++ % customers.length]!;
    context.customerId = customer.id;
    return { body: body(randomUUID()), headers: bearer(customer.token) };
  };
  const classify = tallyPlacedOrders(acknowledged, acknowledgedStatus);

  // Let registration's own asynchronous work (events, projections) die down before the bell.
  await sleep(1000);
  stack.assertAlive();
  const result = await runLoad({
    url: stack.urls.gateway,
    connections: config.dropConnections,
    amount: n,
    durationSeconds: 60 + Math.ceil(n / 10),
    requestTimeoutSeconds: config.requestTimeoutSeconds,
    sample,
    request,
    classify,
  });
  stack.assertAlive();
  console.log(`[bench] drop day placeOrder via gateway: ${summarize(result)}`);

  const pendingSql = `select count(distinct o.id)::int as n from orders.customer_order o join orders.order_line l on l.order_id = o.id
                       where l.product_id = $1 and o.status = 'PENDING'`;
  const loadEnd = performance.now();
  const pendingAtLoadEnd = await count(db, pendingSql, [product.id]);
  let settled = false;
  while (performance.now() - loadEnd < config.settleTimeoutSeconds * 1000) {
    if ((await count(db, pendingSql, [product.id])) === 0) {
      settled = true;
      break;
    }
    await sleep(250);
  }
  const settleSeconds = (performance.now() - loadEnd) / 1000;
  console.log(
    `[bench] drop day: ${settled ? 'no PENDING order' : 'orders still PENDING'} ${settleSeconds.toFixed(1)} s after the load (${pendingAtLoadEnd} pending when it stopped)`,
  );

  const ordersByStatus = (
    await db.query<{ status: string; reason: string; count: number }>(
      `select o.status, coalesce(o.status_reason, '') as reason, count(distinct o.id)::int as count
         from orders.customer_order o join orders.order_line l on l.order_id = o.id
        where l.product_id = $1 group by 1, 2 order by 1, 2`,
      [product.id],
    )
  ).rows;
  const byStatus = (status: string) => ordersByStatus.filter((r) => r.status === status).reduce((sum, r) => sum + r.count, 0);
  const stored = ordersByStatus.reduce((sum, r) => sum + r.count, 0);
  const confirmed = byStatus('AWAITING_PAYMENT');
  const rejected = byStatus('REJECTED');
  const unitsSold = await count(db, `select coalesce(sum(quantity), 0)::int as n from catalog.stock_reservation where product_id = $1 and state = 'RESERVED'`, [
    product.id,
  ]);
  const confirmedUnits = await count(
    db,
    `select coalesce(sum(l.quantity), 0)::int as n from orders.order_line l join orders.customer_order o on o.id = l.order_id
      where l.product_id = $1 and o.status = 'AWAITING_PAYMENT'`,
    [product.id],
  );
  const stockLeft =
    (await db.query<{ left: number }>('select capacity - reserved as left from catalog.preorder_allocation where product_id = $1', [product.id])).rows[0]
      ?.left ?? Number.NaN;
  const repeatBuyers = await count(
    db,
    `select count(*)::int as n from (select o.customer_id from orders.customer_order o join orders.order_line l on l.order_id = o.id
      where l.product_id = $1 group by o.customer_id having count(distinct o.id) > 1) t`,
    [product.id],
  );
  const ackIds = acknowledged.map((o) => o.id);
  const ackStored = await count(db, 'select count(*)::int as n from orders.customer_order where id = any($1::uuid[])', [ackIds]);

  const expected = Math.min(n, units);
  const failures = Object.entries(result.outcomes).filter(([label]) => label !== 'ok');
  const checks: Check[] = [
    {
      name: 'every customer sent exactly one placeOrder',
      ok: next === n && result.responses === n && repeatBuyers === 0,
      detail: `${next} requests for ${n} customers, ${result.responses} responses, ${repeatBuyers} customers with more than one order for the product`,
    },
    {
      name: 'every request acknowledged (errors by code otherwise)',
      ok: acknowledged.length === n && result.socketErrors === 0 && result.timeouts === 0,
      detail: `${acknowledged.length} of ${n} acknowledged${failures.length ? `; ${failures.map(([l, c]) => `${l}: ${c}`).join(', ')}` : ''}; socket errors ${result.socketErrors}, timeouts ${result.timeouts}`,
    },
    {
      name: 'every acknowledged order is stored, and no other',
      ok: ackStored === acknowledged.length && stored === acknowledged.length,
      detail: `${ackStored} of ${acknowledged.length} found; ${stored} orders for the product`,
    },
    {
      name: 'no order for the product left PENDING',
      ok: settled && byStatus('PENDING') === 0,
      detail: `${byStatus('PENDING')} pending after ${settleSeconds.toFixed(1)} s`,
    },
    { name: 'AWAITING_PAYMENT == min(customers, units)', ok: confirmed === expected, detail: `${confirmed} confirmed, expected ${expected}` },
    { name: 'every other order REJECTED', ok: rejected === stored - confirmed, detail: `${rejected} rejected of ${stored - confirmed} not confirmed` },
    {
      name: 'units sold (stock reservations) == min(customers, units)',
      ok: unitsSold === expected && confirmedUnits === unitsSold,
      detail: `${unitsSold} reserved, ${confirmedUnits} in confirmed orders, expected ${expected}`,
    },
    { name: 'preorder pool left == units - units sold', ok: stockLeft === units - expected, detail: `${stockLeft} left, expected ${units - expected}` },
  ];
  const ok = checks.every((c) => c.ok);
  for (const check of checks) console.log(`[bench] ${check.ok ? 'OK      ' : 'MISMATCH'} drop day: ${check.name}: ${check.detail}`);

  return {
    customers: n,
    units,
    product,
    setupSeconds,
    registrationWidth,
    result,
    requestsBuilt: next,
    acknowledged,
    acknowledgedStatus,
    settleSeconds,
    settled,
    pendingAtLoadEnd,
    ordersByStatus,
    confirmed,
    rejected,
    unitsSold,
    stockLeft,
    checks,
    ok,
  };
}
