import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { BenchConfig } from '../config.js';
import { tallyFanOut, type FanOutTally, type ProducedEvent } from '../fan-out-tally.js';
import { bearer, classifyResponse, gqlData } from '../graphql.js';
import { latencyResult, summarize, type LoadResult } from '../load.js';
import type { Check } from '../reconcile.js';
import { resourceUse, type ResourceUse, type Sampler } from '../resources.js';
import { placeOrderMutation, signIn, type Seed } from '../seed.js';
import type { BenchStack } from '../stack.js';
import { increment, percentile, sleep } from '../util.js';
import { startWebhookReceivers, type WebhookReceivers } from '../webhook-receivers.js';
import type { AcknowledgedOrder } from './place-orders.js';

/** What every partner subscribes to: a confirmed order stages both, the status change first, in one transaction. */
export const fanOutEventTypes = ['orders.order.status-changed', 'orders.order.confirmed'];

export interface FanOutResult {
  partners: number;
  eventTypes: string[];
  targetRate: number;
  /** placeOrder through the gateway at the target rate (open loop: sent on schedule, whatever the answers). */
  orders: LoadResult;
  /** Orders the API acknowledged, with the customer who placed each (they go through the final reconciliation). */
  acknowledgedOrders: AcknowledgedOrder[];
  tally: FanOutTally;
  /** Requests the receivers refused (signature, timestamp or body): must be 0. */
  rejected: number;
  /** Wall-clock seconds of the order load, and from its end to the last delivery (or giving up). */
  loadSeconds: number;
  drainSeconds: number;
  drained: boolean;
  /** Distinct deliveries per second, from the first order sent to the last delivery received. */
  deliveredPerSecond: number;
  /** Event time → notifications staged the deliveries (per event: bus and consumer), ms. */
  staged: { p50: number; p99: number; max: number; events: number };
  /** notifications' delivery rows for the run's events that took more than one try. */
  retriedDeliveries: number;
  /** CPU and database transactions from the first order to the last delivery. */
  resources: ResourceUse;
  checks: Check[];
  ok: boolean;
}

const createPartnerMutation = `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { partner { id } secret } }`;

const count = async (db: pg.Client, sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0]!.n;

/**
 * Event fan-out (issue #13): `fanoutPartners` partners registered through
 * the gateway (createPartner, as the bootstrap admin), each with its own
 * receiver on loopback, subscribed to an order's status change and its
 * confirmation. Seeded customers then place orders through the gateway at
 * `fanoutRate` per second for `fanoutSeconds`; catalog reserves, orders
 * confirms, and notifications delivers each event to every partner. The
 * delay of a delivery runs from the event's envelope `time` (the store time
 * orders staged it at, in the transaction that commits it) to the receipt.
 */
export async function runFanOut(config: BenchConfig, stack: BenchStack, db: pg.Client, seed: Seed, sample: Sampler): Promise<FanOutResult> {
  const partners = Math.floor(config.fanoutPartners);
  const receivers = await startWebhookReceivers(partners);
  try {
    const since = await registerPartners(stack, receivers);
    console.log(`[bench]   ${partners} partners registered, subscribed to ${fanOutEventTypes.join(', ')}`);

    stack.assertAlive();
    const before = await sample();
    const firstSentAt = Date.now();
    const load = await placeOrdersAtRate(config, stack, seed);
    const loadEnd = Date.now();
    console.log(`[bench]   placeOrder at ${config.fanoutRate}/s: ${summarize(load.orders)}`);

    // Deliveries are expected for every subscribed event orders staged since the partners exist: known once no order is
    // PENDING and both outboxes are empty; then wait until each partner has each of them. A backlog may take minutes to
    // drain when the rate is above what notifications delivers, so the wait ends only after `fanoutTimeoutSeconds`
    // without a new delivery (a lost one, or a retry further off than that).
    const stallMs = config.fanoutTimeoutSeconds * 1000;
    let progress = { receipts: 0, at: loadEnd };
    let produced: ProducedEvent[] | undefined;
    let tally = tallyFanOut(receivers.receipts, [], partners, fanOutEventTypes);
    for (;;) {
      produced ??= await producedOnceSettled(db, since);
      if (produced) {
        tally = tallyFanOut(receivers.receipts, produced, partners, fanOutEventTypes);
        if (tally.missing === 0) break;
      }
      if (receivers.receipts.length > progress.receipts) progress = { receipts: receivers.receipts.length, at: Date.now() };
      else if (Date.now() - progress.at >= stallMs) break;
      await sleep(250);
    }
    const drained = produced !== undefined && tally.missing === 0;
    const after = await sample();
    stack.assertAlive();
    // The last delivery of the run's events (when none came at all: when the wait gave up).
    const lastAt = Number.isNaN(tally.lastReceivedAt) ? Date.now() : tally.lastReceivedAt;
    const events = produced ?? [];

    const staged = await stagedDelays(db, events);
    const result: Omit<FanOutResult, 'checks' | 'ok'> = {
      partners,
      eventTypes: fanOutEventTypes,
      targetRate: config.fanoutRate,
      orders: load.orders,
      acknowledgedOrders: load.acknowledged,
      tally,
      rejected: receivers.rejected,
      loadSeconds: (loadEnd - firstSentAt) / 1000,
      drainSeconds: (lastAt - loadEnd) / 1000,
      drained,
      deliveredPerSecond: tally.received / ((lastAt - firstSentAt) / 1000),
      staged: staged.delays,
      retriedDeliveries: staged.retried,
      resources: resourceUse(before, after),
    };
    const checks = fanOutChecks(result, produced !== undefined, config.fanoutTimeoutSeconds);
    const t = tally;
    console.log(
      `[bench]   fan-out: ${t.produced} events, ${t.received}/${t.expected} deliveries, ${result.deliveredPerSecond.toFixed(0)} delivered/s, delay p50 ${t.p50.toFixed(0)} ms p99 ${t.p99.toFixed(0)} ms max ${t.max.toFixed(0)} ms, ${t.duplicates} duplicates, ${t.outOfOrder} out of order`,
    );
    return { ...result, checks, ok: checks.every((c) => c.ok) };
  } finally {
    await receivers.stop();
  }
}

/** Registers one partner per receiver; returns the time just before the first, from which orders' events count. */
async function registerPartners(stack: BenchStack, receivers: WebhookReceivers): Promise<Date> {
  const admin = await signIn(stack.urls.gateway, stack.admin.email, stack.admin.password);
  const run = Date.now().toString(36);
  const since = new Date();
  for (const [i, webhookUrl] of receivers.urls.entries()) {
    const input = { name: `Bench partner ${i} ${run}`, webhookUrl, eventTypes: fanOutEventTypes };
    const { createPartner } = await gqlData<{ createPartner: { partner: { id: string }; secret: string } }>(
      stack.urls.gateway,
      createPartnerMutation,
      { input },
      bearer(admin.accessToken),
    );
    receivers.setSecret(i, createPartner.secret);
  }
  return since;
}

/**
 * Open loop: order i is sent at i / rate seconds whatever became of the
 * earlier ones, so a slow answer does not lower the rate. Round-robin over
 * the seeded customers, one unit of the ample-stock product each.
 */
async function placeOrdersAtRate(config: BenchConfig, stack: BenchStack, seed: Seed): Promise<{ orders: LoadResult; acknowledged: AcknowledgedOrder[] }> {
  const total = Math.max(1, Math.round(config.fanoutRate * config.fanoutSeconds));
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  const acknowledged: AcknowledgedOrder[] = [];
  let socketErrors = 0;
  let timeouts = 0;
  const place = async (i: number) => {
    const customer = seed.customers[i % seed.customers.length]!;
    const variables = { input: { lines: [{ productId: seed.plenty.id, quantity: 1 }] }, key: randomUUID() };
    const started = performance.now();
    try {
      const res = await fetch(stack.urls.gateway, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(customer.token) },
        body: JSON.stringify({ query: placeOrderMutation, variables }),
        signal: AbortSignal.timeout(config.requestTimeoutSeconds * 1000),
      });
      const label = classifyResponse(res.status, await res.text(), (data) => {
        const id = (data as { placeOrder?: { id?: string } } | null)?.placeOrder?.id;
        if (typeof id === 'string') acknowledged.push({ id, customerId: customer.id });
        return typeof id === 'string';
      });
      latencies.push(performance.now() - started);
      increment(outcomes, label);
    } catch (err) {
      if ((err as Error).name === 'TimeoutError') timeouts++;
      else socketErrors++;
    }
  };
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / config.fanoutRate - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(place(i));
  }
  await Promise.all(inFlight);
  const orders = latencyResult(1, (performance.now() - started) / 1000, latencies, outcomes);
  return { orders: { ...orders, socketErrors, timeouts }, acknowledged };
}

/** The subscribed events orders staged since `since`, once the order flow is over (undefined before). */
async function producedOnceSettled(db: pg.Client, since: Date): Promise<ProducedEvent[] | undefined> {
  const busy =
    (await count(db, `select count(*)::int as n from orders.customer_order where status = 'PENDING'`)) +
    (await count(db, 'select count(*)::int as n from orders.outbox_message where sent_at is null')) +
    (await count(db, 'select count(*)::int as n from catalog.outbox_message where sent_at is null'));
  if (busy > 0) return undefined;
  const { rows } = await db.query<{ id: string; type: string; subject: string; seq: string }>(
    `select event_id as id, type, key as subject, seq::text as seq from orders.outbox_message
      where type = any($1::text[]) and created_at >= $2 order by seq`,
    [fanOutEventTypes, since],
  );
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** From notifications' delivery rows: event time → deliveries staged (per event), and deliveries tried more than once. */
async function stagedDelays(db: pg.Client, events: ProducedEvent[]): Promise<{ delays: FanOutResult['staged']; retried: number }> {
  const { rows } = await db.query<{ ms: number; retried: number }>(
    `select extract(epoch from (min(d.created_at) - (min(d.payload->>'time'))::timestamptz)) * 1000 as ms,
            count(*) filter (where d.attempts > 1)::int as retried
       from notifications.webhook_delivery d where d.event_id = any($1::uuid[]) and d.replay_of is null group by d.event_id`,
    [events.map((e) => e.id)],
  );
  const sorted = Float64Array.from(rows.map((r) => Number(r.ms))).sort();
  return {
    delays: { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN, events: sorted.length },
    retried: rows.reduce((sum, r) => sum + r.retried, 0),
  };
}

function fanOutChecks(r: Omit<FanOutResult, 'checks' | 'ok'>, settled: boolean, timeoutSeconds: number): Check[] {
  const t = r.tally;
  return [
    {
      name: 'the order flow settled, so every event to deliver is known',
      ok: settled,
      detail: settled
        ? `${t.produced} events of the subscribed types`
        : `orders still PENDING or outbox rows unsent when the wait gave up (${timeoutSeconds} s without a new delivery)`,
    },
    {
      name: 'every partner received every event (deliveries received == expected)',
      ok: settled && t.missing === 0,
      detail: `${t.received} of ${t.expected}, the last ${r.drainSeconds.toFixed(1)} s after the load${t.missing ? ` (gave up ${timeoutSeconds} s after the last delivery); missing e.g. ${t.missingExamples.join('; ')}` : ''}`,
    },
    {
      name: "each partner got one subject's events in the order orders staged them",
      ok: t.outOfOrder === 0,
      detail: `${t.outOfOrder} deliveries after a later event of the same order`,
    },
    {
      name: 'every request carried a valid Standard Webhooks signature and an event',
      ok: r.rejected === 0,
      detail: `${r.rejected} refused`,
    },
    {
      name: 'no partner received an event type it did not subscribe to',
      ok: t.unsubscribedType === 0,
      detail: `${t.unsubscribedType} deliveries of other types`,
    },
  ];
}
