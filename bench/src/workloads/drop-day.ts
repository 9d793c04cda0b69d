import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { BenchConfig } from '../config.js';
import type { Check } from '../reconcile.js';
import { bearer, classifyResponse, gqlData } from '../graphql.js';
import { latencyResult, summarize, type LoadResult } from '../load.js';
import { resourceUse, type Sampler } from '../resources.js';
import { createProductMutation, customerPassword, inBatches, registerMutation, signIn, type BenchCustomer, type SeededProduct } from '../seed.js';
import type { BenchStack } from '../stack.js';
import { increment, pollUntil, sleep, withTimeout } from '../util.js';
import { checkoutMutation, payMutation, shippingAddress } from './payments.js';
import type { AcknowledgedOrder } from './place-orders.js';

export interface DropDayResult {
  customers: number;
  units: number;
  product: SeededProduct;
  /** Registering and signing in the customers (not measured). */
  setupSeconds: number;
  registrationWidth: number;
  /** Whole purchases, checkout sent → deposit SUCCEEDED (only those that got there); outcomes per customer; resources and socket errors/timeouts over every request. */
  purchase: LoadResult;
  /** The checkout requests on their own (outcomes by response). */
  checkout: LoadResult;
  /** Checkout answered → deposit SUCCEEDED: waiting for the deposit to be due, then paying it. */
  afterCheckout: LoadResult;
  /** The pay requests on their own. */
  pay: LoadResult;
  /** `order(id)` reads sent while waiting for the deposit to be due. */
  orderPolls: number;
  /** Purchases started: must equal `customers` (one checkout each). */
  requestsBuilt: number;
  acknowledged: AcknowledgedOrder[];
  acknowledgedStatus: Record<string, number>;
  /** From the end of the load until no order for the product was PENDING (or the wait gave up). */
  settleSeconds: number;
  settled: boolean;
  pendingAtLoadEnd: number;
  ordersByStatus: { status: string; reason: string; count: number }[];
  /** Orders holding a unit (AWAITING_PAYMENT or SECURED). */
  confirmed: number;
  /** Of those, SECURED (deposit paid). */
  secured: number;
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

/** How often a customer looks at their order while it is PENDING. */
export const orderPollMs = 500;
/** Once orders hears the limited run sold out, checkout refuses it up front ("its preorders have closed"). */
const soldOutAtCheckout = 'BAD_USER_INPUT/NOT_ORDERABLE';
/** pay answers NOT_FOUND while payments has not heard of the due yet; tries per purchase. */
const payAttempts = 3;
const orderQuery = `query DropOrder($id: ID!) { order(id: $id) { status nextPayment { purpose status } } }`;

const count = async (db: pg.Client, sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0]!.n;

/**
 * Drop day: `dropCustomers` fresh customers each buy one unit of a limited
 * run of `dropUnits` (a PREORDER product whose limited quantity is that, sold
 * under the deposit plan), all at once through the gateway: `checkout`, then
 * `order(id)` until it is no longer PENDING, then `pay` for the deposit with
 * the sandbox card. Exactly min(customers, units) orders must hold a unit and
 * end SECURED with their deposit captured once, the rest REJECTED and never
 * charged, and the reservations must add up to that, leaving no stock when
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
  // checkout ships only within the customer's region (from accounts' events), at the rates logistics announces.
  await pollUntil("orders learning the drop customers' regions and the rate card", 60_000, async () =>
    (await count(db, 'select count(*)::int as n from orders.customer_region where customer_id = any($1::uuid[])', [customers.map((c) => c.id)])) === n &&
    (await count(db, 'select count(*)::int as n from orders.shipping_rate_card')) > 0
      ? true
      : undefined,
  );
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  console.log(`[bench] drop set-up: ${n} customers registered and signed in, product ${product.sku} (${units} units) in ${setupSeconds.toFixed(1)} s`);

  const acknowledged: AcknowledgedOrder[] = [];
  const acknowledgedStatus: Record<string, number> = {};
  const latencies = { purchase: [] as number[], checkout: [] as number[], afterCheckout: [] as number[], pay: [] as number[] };
  const outcomes = { purchase: {} as Record<string, number>, checkout: {} as Record<string, number>, pay: {} as Record<string, number> };
  let socketErrors = 0;
  let timeouts = 0;
  let orderPolls = 0;
  /** One request through the gateway as `customer`; undefined (counted) when no answer came. */
  const post = async (query: string, variables: Record<string, unknown>, customer: BenchCustomer) => {
    try {
      const res = await fetch(stack.urls.gateway, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(customer.token) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(config.requestTimeoutSeconds * 1000),
      });
      return { status: res.status, text: await res.text() };
    } catch (err) {
      if ((err as Error).name === 'TimeoutError') timeouts++;
      else socketErrors++;
      return undefined;
    }
  };
  /** One customer's purchase; returns its outcome label (`ok`: the deposit SUCCEEDED). */
  const purchase = async (customer: BenchCustomer): Promise<string> => {
    const started = performance.now();
    const lines = [{ productId: product.id, quantity: 1 }];
    const checkout = await post(checkoutMutation, { input: { lines, shippingAddress, shippingMethod: 'STANDARD' }, key: randomUUID() }, customer);
    const answered = performance.now();
    if (!checkout) return 'checkout: no answer';
    latencies.checkout.push(answered - started);
    let orderId: string | undefined;
    const checkoutLabel = classifyResponse(checkout.status, checkout.text, (data) => {
      const orders = (data as { checkout?: { id: string; paymentPlan: string }[] } | null)?.checkout;
      if (orders?.length !== 1) return false;
      if (orders[0]!.paymentPlan !== 'DEPOSIT') return `PLAN_${orders[0]!.paymentPlan}`;
      orderId = orders[0]!.id;
      return true;
    });
    increment(outcomes.checkout, checkoutLabel);
    if (checkoutLabel === soldOutAtCheckout) return 'sold out at checkout';
    if (!orderId) return `checkout: ${checkoutLabel}`;
    acknowledged.push({ id: orderId, customerId: customer.id });

    // As a shopper would: look at the order until the stock decision is in, and pay the deposit once it is due.
    let order: { status: string; nextPayment: { purpose: string; status: string } | null } | undefined;
    for (let reads = 0; (!order || order.status === 'PENDING') && performance.now() - answered < config.settleTimeoutSeconds * 1000; reads++) {
      if (reads > 0) await sleep(orderPollMs);
      orderPolls++;
      const answer = await post(orderQuery, { id: orderId }, customer);
      if (answer) classifyResponse(answer.status, answer.text, (data) => Boolean((order = (data as { order?: typeof order } | null)?.order)));
    }
    increment(acknowledgedStatus, order?.status ?? 'unknown');
    if (order?.status === 'REJECTED') return 'REJECTED (nothing to pay)';
    if (order?.status !== 'AWAITING_PAYMENT' || order.nextPayment?.purpose !== 'DEPOSIT') return `order ${order?.status ?? 'unknown'}, no deposit due`;

    // payments waits a few seconds for the PaymentDue, then answers NOT_FOUND (not stored under the key): the shopper tries again.
    const variables = { input: { orderIds: [orderId], paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() };
    let payLabel = 'NOT_FOUND';
    for (let attempt = 1; payLabel.startsWith('NOT_FOUND') && attempt <= payAttempts; attempt++) {
      const payStarted = performance.now();
      const paid = await post(payMutation, variables, customer);
      if (!paid) return 'pay: no answer';
      latencies.pay.push(performance.now() - payStarted);
      payLabel = classifyResponse(
        paid.status,
        paid.text,
        (data) => (data as { pay?: { status?: string } } | null)?.pay?.status === 'SUCCEEDED' || 'NOT_SUCCEEDED',
      );
      increment(outcomes.pay, payLabel);
    }
    const done = performance.now();
    if (payLabel !== 'ok') return `pay: ${payLabel}`;
    latencies.purchase.push(done - started);
    latencies.afterCheckout.push(done - answered);
    return 'ok';
  };

  // Let registration's own asynchronous work (events, projections) die down before the bell.
  await sleep(1000);
  stack.assertAlive();
  const connections = Math.min(config.dropConnections, n);
  let next = 0;
  const before = await sample();
  const loadStarted = performance.now();
  // `connections` shoppers at a time, each taking the next customer as soon as its previous purchase is over.
  const shopper = async () => {
    while (next < n) increment(outcomes.purchase, await purchase(customers[next++]!));
  };
  const budget = (n / connections) * (config.settleTimeoutSeconds + 3 * config.requestTimeoutSeconds) + 60;
  await withTimeout('drop day purchases', budget * 1000, Promise.all(Array.from({ length: connections }, shopper)));
  const seconds = (performance.now() - loadStarted) / 1000;
  const resources = resourceUse(before, await sample());
  stack.assertAlive();
  const purchaseResult = { ...latencyResult(connections, seconds, latencies.purchase, outcomes.purchase), socketErrors, timeouts, resources };
  const checkoutResult = latencyResult(connections, seconds, latencies.checkout, outcomes.checkout);
  const afterCheckout = latencyResult(connections, seconds, latencies.afterCheckout, outcomes.pay);
  const payResult = latencyResult(connections, seconds, latencies.pay, outcomes.pay);
  console.log(`[bench] drop day purchases (checkout → deposit SUCCEEDED) via gateway: ${summarize(purchaseResult)}`);
  console.log(`[bench] drop day checkout step: ${summarize(checkoutResult)}`);
  console.log(
    `[bench] drop day checkout answered → deposit SUCCEEDED: ${summarize(afterCheckout)}; pay step: ${summarize(payResult)}; ${orderPolls} order reads`,
  );

  const pendingSql = `select count(distinct o.id)::int as n from orders.customer_order o join orders.order_line l on l.order_id = o.id
                       where l.product_id = $1 and o.status = 'PENDING'`;
  const loadEnd = performance.now();
  const pendingAtLoadEnd = await count(db, pendingSql, [product.id]);
  // PaymentSucceeded reaches orders asynchronously: settled once no order is PENDING or still waiting for its deposit.
  const unsettledSql = pendingSql.replace("o.status = 'PENDING'", "o.status in ('PENDING', 'AWAITING_PAYMENT')");
  let settled = false;
  while (performance.now() - loadEnd < config.settleTimeoutSeconds * 1000) {
    if ((await count(db, unsettledSql, [product.id])) === 0) {
      settled = true;
      break;
    }
    await sleep(250);
  }
  const settleSeconds = (performance.now() - loadEnd) / 1000;
  console.log(
    `[bench] drop day: ${settled ? 'no order PENDING or AWAITING_PAYMENT' : 'orders still PENDING or AWAITING_PAYMENT'} ${settleSeconds.toFixed(1)} s after the load (${pendingAtLoadEnd} pending when it stopped)`,
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
  const secured = byStatus('SECURED');
  const confirmed = byStatus('AWAITING_PAYMENT') + secured;
  const rejected = byStatus('REJECTED');
  const unitsSold = await count(db, `select coalesce(sum(quantity), 0)::int as n from catalog.stock_reservation where product_id = $1 and state = 'RESERVED'`, [
    product.id,
  ]);
  const confirmedUnits = await count(
    db,
    `select coalesce(sum(l.quantity), 0)::int as n from orders.order_line l join orders.customer_order o on o.id = l.order_id
      where l.product_id = $1 and o.status in ('AWAITING_PAYMENT', 'SECURED')`,
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
  // payments' books per order of the product: charges captured, and the deposit orders announced.
  const money = (
    await db.query<{ status: string; charges: number; captured: string; deposit: string; intents: number }>(
      `select o.status,
              (select count(*) from payments.charge c where c.order_id = o.id)::int as charges,
              (select coalesce(sum(c.amount), 0) from payments.charge c where c.order_id = o.id) as captured,
              (select coalesce(sum(d.amount), 0) from payments.payment_due d where d.order_id = o.id and d.purpose = 'DEPOSIT') as deposit,
              (select count(*) from payments.payment_allocation a where a.order_id = o.id)::int as intents
         from orders.customer_order o where o.id in (select order_id from orders.order_line where product_id = $1)`,
      [product.id],
    )
  ).rows;
  const held = money.filter((m) => m.status === 'AWAITING_PAYMENT' || m.status === 'SECURED');
  const paidOnce = held.filter((m) => m.charges === 1 && Number(m.deposit) > 0 && Number(m.captured) === Number(m.deposit)).length;
  const chargedRejected = money.filter((m) => m.status === 'REJECTED' && (m.charges > 0 || m.intents > 0)).length;
  const ackIds = acknowledged.map((o) => o.id);
  const ackStored = await count(db, 'select count(*)::int as n from orders.customer_order where id = any($1::uuid[])', [ackIds]);

  const expected = Math.min(n, units);
  const failures = Object.entries(checkoutResult.outcomes).filter(([label]) => label !== 'ok' && label !== soldOutAtCheckout);
  const refused = checkoutResult.outcomes[soldOutAtCheckout] ?? 0;
  const checks: Check[] = [
    {
      name: 'every customer sent exactly one checkout',
      ok: next === n && checkoutResult.responses === n && repeatBuyers === 0,
      detail: `${next} purchases for ${n} customers, ${checkoutResult.responses} checkout responses, ${repeatBuyers} customers with more than one order for the product`,
    },
    {
      name: 'every checkout acknowledged with one DEPOSIT order, or refused as sold out (NOT_ORDERABLE) only if the run sold out',
      ok: acknowledged.length + refused === n && (refused === 0 || confirmed === units) && socketErrors === 0 && timeouts === 0,
      detail: `${acknowledged.length} of ${n} acknowledged, ${refused} refused as sold out (${confirmed} of ${units} units sold)${failures.length ? `; ${failures.map(([l, c]) => `${l}: ${c}`).join(', ')}` : ''}; socket errors ${socketErrors}, timeouts ${timeouts} (all requests)`,
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
    {
      name: 'orders holding a unit (AWAITING_PAYMENT or SECURED) == min(customers, units)',
      ok: confirmed === expected,
      detail: `${confirmed} confirmed, expected ${expected}`,
    },
    {
      name: 'every confirmed order paid its deposit and is SECURED',
      ok: secured === expected && (outcomes.purchase.ok ?? 0) === expected,
      detail: `${secured} SECURED, ${outcomes.purchase.ok ?? 0} deposits SUCCEEDED, expected ${expected}`,
    },
    {
      name: "each confirmed order's deposit captured exactly once (payments' charges == the deposit)",
      ok: paidOnce === confirmed,
      detail: `${paidOnce} of ${confirmed} with one charge equal to their DEPOSIT due`,
    },
    { name: 'no payment on a rejected order', ok: chargedRejected === 0, detail: `${chargedRejected} rejected orders with a charge or a payment attempt` },
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
    purchase: purchaseResult,
    checkout: checkoutResult,
    afterCheckout,
    pay: payResult,
    orderPolls,
    requestsBuilt: next,
    acknowledged,
    acknowledgedStatus,
    settleSeconds,
    settled,
    pendingAtLoadEnd,
    ordersByStatus,
    confirmed,
    secured,
    rejected,
    unitsSold,
    stockLeft,
    checks,
    ok,
  };
}
