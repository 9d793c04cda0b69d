import { setTimeout as delay } from 'node:timers/promises';
import type pg from 'pg';
import type { BenchConfig } from '../config.js';
import { createLagReader } from '../event-lag.js';
import { bearer, gqlData } from '../graphql.js';
import { latencyResult, type LoadResult } from '../load.js';
import type { Check } from '../reconcile.js';
import { resourceUse, type ResourceUse, type Sampler } from '../resources.js';
import { createProductMutation, signIn, type Seed } from '../seed.js';
import { consumerTotal, intervalFigures, lagTotal, outboxTotal, purchaseDueAt, sampleDueAt, type SoakPurchase, type SoakSample } from '../soak-samples.js';
import { drainedAt, memoryVerdict, minimumWindowSeconds, type LagPoll, type MemoryVerdict } from '../soak-verdict.js';
import type { BenchStack } from '../stack.js';
import { errorMessage, increment, pollUntil, sleep } from '../util.js';
import type { AcknowledgedOrder } from './place-orders.js';
import { createShopper } from './soak-purchase.js';

export interface SoakResult {
  targetRate: number;
  connections: number;
  plannedSeconds: number;
  sampleSeconds: number;
  maxGrowth: number;
  /** From the first purchase started to the last one over. */
  loadSeconds: number;
  /**
   * Purchases planned (rate x seconds) and started; those started more than a second behind schedule (every
   * connection busy). The load lasts the planned seconds: a stack that does not keep up gets fewer purchases, not a
   * longer run.
   */
  planned: number;
  started: number;
  late: number;
  /** Whole purchases (checkout sent → deposit SUCCEEDED) with outcomes per purchase; the checkout step on its own. */
  purchase: LoadResult;
  checkout: LoadResult;
  requests: { sent: number; timeouts: number; socketErrors: number };
  samples: SoakSample[];
  memory: MemoryVerdict[];
  /** After the load: whether the backlog (outboxes + consumer lag) read 0 twice in a row, and when (s after the load). */
  drain: { drained: boolean; seconds: number; atLoadEnd: number };
  consumerLagMeasured: boolean;
  resources: ResourceUse;
  acknowledged: AcknowledgedOrder[];
  product: { id: string; sku: string };
  checks: Check[];
  ok: boolean;
}

const count = async (db: pg.Client, sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0]!.n;

/**
 * The soak (issue #15): the seeded customers buy one unit each of a preorder
 * sold under the deposit plan (checkout, then the deposit paid with the
 * sandbox card, as on drop day), `soakRate` purchases started per second
 * (open loop, at most `soakConnections` at once) for `soakSeconds`. Every
 * `soakSampleSeconds` each server's RSS and the event backlog are read, with
 * the purchases/s, p99 and errors of the interval. After the load the backlog
 * must come back to 0, and no process's memory may keep growing.
 */
export async function runSoak(config: BenchConfig, stack: BenchStack, db: pg.Client, seed: Seed, sample: Sampler): Promise<SoakResult> {
  const product = await createSoakProduct(stack, db);
  const readLag = await createLagReader(db, stack.transport);
  const shopper = createShopper(config, stack, product.id);
  const purchases: SoakPurchase[] = [];
  const samples: SoakSample[] = [];
  const total = Math.max(1, Math.round(config.soakRate * config.soakSeconds));
  let loadOver = false;

  stack.assertAlive();
  const before = await sample();
  const origin = performance.now();
  let lastReadingAt = 0;
  const read = async () => {
    const at = performance.now() - origin;
    const reading: SoakSample = {
      at: at / 1000,
      seconds: (at - lastReadingAt) / 1000,
      underLoad: !loadOver,
      rssMiB: stack.sampleMemory(),
      lag: await readLag(),
      ...intervalFigures(purchases, lastReadingAt, at),
    };
    lastReadingAt = at;
    samples.push(reading);
    return reading;
  };
  // On a fixed grid from the start of the load; stopped once the drain is known. A failed reading (the database gone,
  // Ctrl-C closing the connection) ends the sampling and is thrown after the load, never left as an unhandled rejection.
  const stopSampling = new AbortController();
  const sampling = (async (): Promise<unknown> => {
    try {
      for (let i = 0; !stopSampling.signal.aborted; i++) {
        const wait = origin + sampleDueAt(i, config.soakSampleSeconds) - performance.now();
        if (wait > 0 && !(await delay(wait, true, { signal: stopSampling.signal }).catch(() => false))) break;
        logReading(await read());
      }
      return undefined;
    } catch (err) {
      return err;
    }
  })();

  let late = 0;
  let started = 0;
  const inFlight = new Set<Promise<void>>();
  for (let i = 0; i < total; i++) {
    const due = origin + purchaseDueAt(i, config.soakRate);
    if (due > performance.now()) await sleep(due - performance.now());
    while (inFlight.size >= config.soakConnections) await Promise.race(inFlight);
    if (performance.now() - origin >= config.soakSeconds * 1000) break;
    started++;
    if (performance.now() - due > 1000) late++;
    const customer = seed.customers[i % seed.customers.length]!;
    const startedAt = performance.now() - origin;
    // A bug in the purchase itself is recorded as its outcome, never left as an unhandled rejection.
    const running: Promise<void> = shopper.purchase(customer, origin).then(
      (p) => void purchases.push(p),
      (err: unknown) => void purchases.push({ startedAt, endedAt: performance.now() - origin, outcome: `bench error: ${errorMessage(err)}` }),
    );
    inFlight.add(running);
    void running.finally(() => inFlight.delete(running));
  }
  await Promise.all(inFlight);
  loadOver = true;
  const loadEnd = performance.now();
  const resources = resourceUse(before, await sample());
  stack.assertAlive();
  const loadSeconds = (loadEnd - origin) / 1000;

  // The drain: the backlog read every second until it is 0 twice in a row, or the settle timeout.
  const polls: LagPoll[] = [];
  let drained: number | undefined;
  while (drained === undefined && performance.now() - loadEnd < config.settleTimeoutSeconds * 1000) {
    polls.push({ at: (performance.now() - loadEnd) / 1000, total: lagTotal(await readLag()) });
    drained = drainedAt(polls);
    if (drained === undefined) await sleep(1000);
  }
  stopSampling.abort();
  const samplingFailed = await sampling;
  if (samplingFailed) throw new Error(`soak readings stopped: ${errorMessage(samplingFailed)}`);
  logReading(await read());
  stack.assertAlive();

  const byOutcome: Record<string, number> = {};
  for (const p of purchases) increment(byOutcome, p.outcome);
  const ok = purchases.filter((p) => p.outcome === 'ok');
  const purchase = latencyResult(
    config.soakConnections,
    loadSeconds,
    ok.map((p) => p.purchaseMs!),
    byOutcome,
  );
  const checkouts = purchases.filter((p) => p.checkoutMs !== undefined);
  const checkout = latencyResult(
    config.soakConnections,
    loadSeconds,
    checkouts.map((p) => p.checkoutMs!),
    {},
  );
  const { counts } = shopper;

  const processes = [...new Set(samples.flatMap((s) => Object.keys(s.rssMiB)))];
  const memory = processes.map((name) =>
    memoryVerdict(
      name,
      samples.map((s) => ({ at: s.at, mib: s.rssMiB[name] ?? Number.NaN })).filter((r) => Number.isFinite(r.mib)),
      loadSeconds,
      config.soakMaxGrowth,
    ),
  );
  const drain = { drained: drained !== undefined, seconds: drained ?? polls[polls.length - 1]?.at ?? 0, atLoadEnd: polls[0]?.total ?? Number.NaN };
  const checks = soakChecks(memory, drain, config);
  const result: SoakResult = {
    targetRate: config.soakRate,
    connections: config.soakConnections,
    plannedSeconds: config.soakSeconds,
    sampleSeconds: config.soakSampleSeconds,
    maxGrowth: config.soakMaxGrowth,
    loadSeconds,
    planned: total,
    started,
    late,
    purchase: { ...purchase, socketErrors: counts.socketErrors, timeouts: counts.timeouts },
    checkout,
    requests: { sent: counts.requests, timeouts: counts.timeouts, socketErrors: counts.socketErrors },
    samples,
    memory,
    drain,
    consumerLagMeasured: stack.transport === 'embedded',
    resources,
    acknowledged: shopper.acknowledged,
    product,
    checks,
    ok: checks.every((c) => c.ok),
  };
  for (const check of checks) console.log(`[bench] ${check.ok ? 'OK      ' : 'FAIL    '} soak: ${check.name}: ${check.detail}`);
  return result;
}

function logReading(s: SoakSample): void {
  const rss = Object.entries(s.rssMiB)
    .map(([name, mib]) => `${name} ${mib.toFixed(0)}`)
    .join(', ');
  const consumers = s.lag.consumers ? `, consumers ${consumerTotal(s.lag)}` : '';
  const errors = Object.entries(s.errorsByOutcome)
    .map(([label, n]) => `${label}: ${n}`)
    .join(', ');
  console.log(
    `[bench]   soak ${s.at.toFixed(0)} s${s.underLoad ? '' : ' (load over)'}: ${s.perSecond.toFixed(1)} purchases/s, p99 ${Number.isFinite(s.purchaseP99) ? s.purchaseP99.toFixed(0) : '-'} ms, ${s.errors} errors${errors ? ` (${errors})` : ''}; backlog outboxes ${outboxTotal(s.lag)}${consumers}; RSS MiB ${rss}`,
  );
}

/** A preorder with no limited quantity, sold under the store's deposit plan (as (h) pay's), that orders knows. */
async function createSoakProduct(stack: BenchStack, db: pg.Client): Promise<{ id: string; sku: string }> {
  const run = Date.now().toString(36);
  const admin = await signIn(stack.urls.gateway, stack.admin.email, stack.admin.password);
  const input = { sku: `SOAK-${run}`, name: `Bench soak preorder ${run}`, price: { amount: 10_000, currency: 'USD' }, status: 'PREORDER' };
  const { createProduct } = await gqlData<{ createProduct: { id: string; sku: string } }>(
    stack.urls.catalog,
    createProductMutation,
    { input },
    bearer(admin.accessToken),
  );
  await pollUntil("orders learning logistics' rate card", 60_000, async () =>
    (await count(db, 'select count(*)::int as n from orders.shipping_rate_card')) > 0 ? true : undefined,
  );
  await pollUntil('orders learning the soak product', 60_000, async () =>
    (await count(db, 'select count(*)::int as n from orders.known_product where id = $1', [createProduct.id])) === 1 ? true : undefined,
  );
  return createProduct;
}

function soakChecks(memory: MemoryVerdict[], drain: SoakResult['drain'], config: BenchConfig): Check[] {
  const growing = memory.filter((m) => m.verdict === 'GROWING');
  const inconclusive = memory.filter((m) => m.verdict === 'INCONCLUSIVE');
  const slopes = memory.map((m) => `${m.process} ${Number.isFinite(m.slope) ? m.slope.toFixed(2) : 'n/a'}`).join(', ');
  return [
    {
      name: `no server's memory grows without bound (RSS over the second half of the load: slope <= ${config.soakMaxGrowth} MiB/min, or its last minute not that far above its first)`,
      ok: growing.length === 0,
      detail: growing.length
        ? `growing: ${growing.map((m) => `${m.process} (${m.slope.toFixed(2)} MiB/min, ${m.firstMinute.toFixed(0)} → ${m.lastMinute.toFixed(0)} MiB)`).join(', ')}`
        : inconclusive.length
          ? `too short to judge: the second half of the load lasted under ${minimumWindowSeconds} s (run BENCH_SOAK_SECONDS >= ${2 * minimumWindowSeconds})`
          : `slopes (MiB/min): ${slopes}`,
    },
    {
      name: 'the event backlog (outboxes + consumer lag) came back to 0 after the load',
      ok: drain.drained,
      detail: drain.drained
        ? `${drain.atLoadEnd} events when the load stopped, 0 after ${drain.seconds.toFixed(1)} s`
        : `${drain.atLoadEnd} events when the load stopped, still not 0 after ${drain.seconds.toFixed(1)} s (BENCH_SETTLE_TIMEOUT ${config.settleTimeoutSeconds} s)`,
    },
  ];
}
