import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { BenchConfig } from '../config.js';
import { bearer, classifyResponse, gqlData } from '../graphql.js';
import { runLoad, summarize, type LoadResult } from '../load.js';
import { waitForQuietConsumers } from '../pipeline.js';
import type { Sampler } from '../resources.js';
import { createProductMutation, inBatches, signIn, type Seed } from '../seed.js';
import type { BenchStack } from '../stack.js';
import { markStatements, readStatements, type StatementWindow } from '../statements.js';
import { errorMessage, pollUntil, pollWhileProgressing, sleep } from '../util.js';

const count = async (db: pg.Client, sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0]!.n;

export interface PaymentsRun {
  result: LoadResult;
  /** Deposit dues orders announced for the run's checkouts (each paid at most once). */
  dues: number;
  /** The deposit each due asks for. */
  amount: { amount: number; currency: string };
  product: { id: string; sku: string; price: number };
  /** Checking out and waiting until payments had every PaymentDue (not measured). */
  setupSeconds: number;
  /** Every statement from the first measured payment until the consumers were quiet again (with pg_stat_statements). */
  statements?: StatementWindow;
}

export interface LedgerSummary {
  balanced: boolean;
  transactions: number;
  orders: number;
  processingIntents: number;
  totals: { currency: string; paid: number; refunded: number; refundedOut: number; held: number }[];
  discrepancies: { kind: string; details: string }[];
}

export const payMutation = `mutation Pay($input: PayInput!, $key: String!) {
  pay(input: $input, idempotencyKey: $key) { id status amount { amount currency } }
}`;

const reconciliationQuery = `{ ledgerReconciliation { balanced transactions orders processingIntents
  totals { currency paid { amount } refunded { amount } refundedOut { amount } held { amount } } discrepancies { kind details } } }`;

export const checkoutMutation = `mutation Checkout($input: CheckoutInput!, $key: String!) { checkout(input: $input, idempotencyKey: $key) { id paymentPlan } }`;

/** Checkouts in flight at set-up: quick, without turning set-up into a load test of its own. */
const checkoutWidth = 20;
export const shippingAddress = { name: 'Bench Customer', line1: '1 rue de la Paix', city: 'Paris', postalCode: '75002', country: 'FR' };

/**
 * Deposit payments through the gateway, on the real flow: at set-up (not
 * measured) the seeded customers check out `paymentDues` preorders of one
 * product sold under the store's deposit plan (orders' `checkout`, through the
 * gateway); orders announces each deposit (PaymentDue) once catalog holds the
 * unit, and the bench waits until payments has every one. Then each request
 * pays one of those deposits with the sandbox provider's `sandbox_visa` token,
 * a fresh idempotency key and its owner's token, after a warm-up: the amount
 * from the due, the order's money lock, the provider call, the ledger and
 * PaymentSucceeded (which orders follows to secure the order) are the real path.
 */
export async function runPayments(
  config: BenchConfig,
  stack: BenchStack,
  db: pg.Client,
  seed: Seed,
  sample: Sampler,
  options: { statementStats: boolean },
): Promise<PaymentsRun> {
  const setupStarted = performance.now();
  const run = Date.now().toString(36);
  const admin = await signIn(stack.urls.gateway, stack.admin.email, stack.admin.password);
  const price = 10_000;
  const input = { sku: `PAY-${run}`, name: `Bench deposit preorder ${run}`, price: { amount: price, currency: 'USD' }, status: 'PREORDER' };
  const { createProduct: product } = await gqlData<{ createProduct: { id: string; sku: string } }>(
    stack.urls.catalog,
    createProductMutation,
    { input },
    bearer(admin.accessToken),
  );
  await pollUntil("orders learning logistics' rate card", 60_000, async () =>
    (await count(db, 'select count(*)::int as n from orders.shipping_rate_card')) > 0 ? true : undefined,
  );
  await pollUntil('orders learning the deposit product', 60_000, async () =>
    (await count(db, 'select count(*)::int as n from orders.known_product where id = $1', [product.id])) === 1 ? true : undefined,
  );

  const slots = Array.from({ length: config.paymentDues }, (_, i) => seed.customers[i % seed.customers.length]!);
  let done = 0;
  const dues = await inBatches(slots, checkoutWidth, async (customer) => {
    const variables = { input: { lines: [{ productId: product.id, quantity: 1 }], shippingAddress, shippingMethod: 'STANDARD' }, key: randomUUID() };
    // The gateway may reuse a keep-alive socket a subgraph is closing: retried under the same key, a checkout gives back the same order.
    const { checkout } = await retried(() =>
      gqlData<{ checkout: { id: string; paymentPlan: string }[] }>(stack.urls.gateway, checkoutMutation, variables, bearer(customer.token)),
    );
    if (checkout.length !== 1 || checkout[0]!.paymentPlan !== 'DEPOSIT') throw new Error(`checkout of one preorder answered ${JSON.stringify(checkout)}`);
    if (++done % 500 === 0) console.log(`[bench]   ${done} of ${slots.length} checkouts`);
    return { orderId: checkout[0]!.id, customer };
  });
  const orderIds = dues.map((d) => d.orderId);
  console.log(`[bench]   ${dues.length} checkouts in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s; waiting for payments to have their deposits`);
  // Not measured: as long as dues keep arriving the set-up goes on; stalled for the settle timeout, it fails.
  const amounts = await pollWhileProgressing('payments learning every deposit due', config.settleTimeoutSeconds * 1000, async () => {
    const { rows } = await db.query<{ amount: string; currency: string; n: number }>(
      `select amount, currency, count(*)::int as n from payments.payment_due where order_id = any($1::uuid[]) and purpose = 'DEPOSIT' and state = 'OPEN' group by amount, currency`,
      [orderIds],
    );
    const known = rows.reduce((n, r) => n + r.n, 0);
    return { progress: known, done: known === orderIds.length ? rows : undefined };
  });
  if (amounts.length !== 1) throw new Error(`the deposits differ: ${JSON.stringify(amounts)}`);
  const amount = { amount: Number(amounts[0]!.amount), currency: amounts[0]!.currency };
  // The other services are still working through the checkouts' events (emails, projections): measured now, pay would
  // compete with the set-up's backlog rather than show its own cost.
  await waitForQuietConsumers(db, 'pay', config.settleTimeoutSeconds * 1000);
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  console.log(
    `[bench] pay set-up: ${dues.length} preorders checked out and their deposits (${amount.amount} ${amount.currency}) known to payments in ${setupSeconds.toFixed(1)} s`,
  );

  let next = 0;
  const request = () => {
    // Each due once; past the last one the answers are ALREADY_PAID refusals (counted, not ok).
    const due = dues[next++ % dues.length]!;
    return {
      body: JSON.stringify({
        query: payMutation,
        variables: { input: { orderIds: [due.orderId], paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() },
      }),
      headers: bearer(due.customer.token),
    };
  };
  const classify = (status: number, text: string) =>
    classifyResponse(status, text, (data) => (data as { pay?: { status?: string } } | null)?.pay?.status === 'SUCCEEDED' || 'NOT_SUCCEEDED');

  const spec = { url: stack.urls.gateway, connections: config.paymentConnections, requestTimeoutSeconds: config.requestTimeoutSeconds, request, classify };
  stack.assertAlive();
  // Unmeasured: JIT, pools, the gateway's query plan and both token caches warm up on dues of their own.
  if (config.warmupSeconds > 0) await runLoad({ ...spec, durationSeconds: config.warmupSeconds });
  // The warm-up's consumers done first: the measured payments neither compete with them nor count their statements.
  await waitForQuietConsumers(db, 'pay (after the warm-up)', config.settleTimeoutSeconds * 1000);
  const statementsFrom = options.statementStats ? await markStatements(db) : undefined;
  const result = await runLoad({ ...spec, durationSeconds: config.paymentSeconds, sample });
  stack.assertAlive();
  console.log(`[bench] pay (deposits) via gateway: ${summarize(result)}`);
  let statements: StatementWindow | undefined;
  if (statementsFrom) {
    // Orders securing each order, logistics' and notifications' share: part of what a payment costs.
    await waitForQuietConsumers(db, 'reading what pay caused', config.settleTimeoutSeconds * 1000);
    statements = await readStatements(db, statementsFrom, { awaitLateCounts: true, limit: 50 });
  }
  return { result, dues: dues.length, amount, product: { ...product, price }, setupSeconds, statements };
}

/** `work` again (up to three times, a second apart) when it fails: for requests that are safe to repeat. */
async function retried<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= 3) throw err;
      await sleep(1_000);
    }
  }
}

/**
 * payments' own proof of its ledger (every transaction balanced, no order
 * negative, equal to the provider's books), asked as the bootstrap admin once
 * no payment is between the provider's answer and its booking: a request the
 * load generator gave up on at the end of a run is still being served, and
 * its charge would show at the provider before it reaches the ledger.
 */
export async function ledgerReconciliation(stack: BenchStack, db: pg.Client, quietWithinMs: number): Promise<LedgerSummary> {
  const inFlight = `select count(*)::int as n from payments.payment_intent
                      where status = 'PROCESSING' or (status = 'REQUIRES_PAYMENT_METHOD' and in_flight_until > now())`;
  await pollUntil('payments booking the payments in flight', quietWithinMs, async () => ((await count(db, inFlight)) === 0 ? true : undefined), 500).catch(
    (err) => console.error(`[bench] ${errorMessage(err)}; asking the ledger anyway`),
  );
  const admin = await signIn(stack.urls.gateway, stack.admin.email, stack.admin.password);
  type Money = { amount: number };
  type Answer = {
    ledgerReconciliation: Omit<LedgerSummary, 'totals'> & { totals: { currency: string; paid: Money; refunded: Money; refundedOut: Money; held: Money }[] };
  };
  // Right after a load the gateway may reuse a keep-alive socket the subgraph is closing: ask again rather than fail the run.
  const answer = await retried(() => gqlData<Answer>(stack.urls.gateway, reconciliationQuery, {}, bearer(admin.accessToken)));
  const r = answer.ledgerReconciliation;
  return {
    ...r,
    totals: r.totals.map((t) => ({
      currency: t.currency,
      paid: t.paid.amount,
      refunded: t.refunded.amount,
      refundedOut: t.refundedOut.amount,
      held: t.held.amount,
    })),
  };
}
