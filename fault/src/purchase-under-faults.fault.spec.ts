import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, eventFigures, type Figure } from './audit.js';
import { appliedAtDeath, consumerCrashFigures, diedThere, relayCrashFigures, unmarkedAtDeath } from './crash-points.js';
import { openDatabase } from './db.js';
import {
  readinessFigure,
  readinessOfSubgraphs,
  routingFigure,
  settledReadiness,
  subgraphNames,
  untilReadiness,
  untilRouting,
  type SubgraphReadiness,
} from './readiness-probe.js';
import { auditExpiry, moveOrdersClockPast, placeUnpaidOrders } from './expiry.js';
import { clientClasses, printAnswers, printFigures } from './report.js';
import { openShop, stockProduct, type Product, type Shop } from './shop.js';
import { startFaultStack, type Crash, type FaultStack, type ServerName } from './stack.js';
import { runStream, type StreamOptions } from './stream.js';
import { replayWebhooks, type WebhookReplay } from './webhook-replay.js';

// Purchases through the gateway while a part of the platform fails under them, each fault during a stream of its
// own, on one stack of child processes with its own PostgreSQL and Kafka broker. After each: every acknowledged
// checkout ended once, stock and money reconcile, no event was applied twice or parked, and every answer the
// shoppers got was a success or a coded error.

/** How long the broker stays down (issue #15: 30 s): long enough for every producer's and consumer's retries to give up at least once. */
const kafkaDownMs = 30_000;
/** Within this, once the fault is over and the stream has ended, nothing may still be pending. */
const settleWithinMs = 60_000;
const stream: Omit<StreamOptions, 'ample' | 'scarce'> = {
  checkouts: 300,
  concurrency: 16,
  requestTimeoutMs: 30_000,
  retryForMs: 120_000,
  scarceShare: 0.25,
};
/** Into the stream when the fault strikes. */
const faultAfterMs = 4_000;
/** How long the payment provider answers 500s (each call slowed first); its webhooks are held back for the rest of the stream. */
const providerOutage = { failMs: 10_000, latencyMs: 1_000, webhookDelayMs: 8_000 };
/** Where a crash point strikes after its server starts again armed (the Nth time it is reached: a few rounds of work done first). */
const crashPoints = { relay: 'outbox-relay:after-publish@5', consumer: 'event-consumer:after-effect@3' };
/** Orders left unpaid across their deadline while orders is down. */
const unpaidOrders = 12;

let stack: FaultStack;
let db: pg.Pool;
let shop: Shop;
let ample: Product;

beforeAll(async () => {
  stack = await startFaultStack();
  db = openDatabase(stack.databaseUrl);
  shop = await openShop(stack.gatewayUrl, db, 24);
  ample = await stockProduct(shop, db, 'AMPLE', 2_000, 100_000);
}, 300_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
}, 120_000);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Fault {
  name: string;
  /** Strikes and recovers; says what it did, for the output; what health and readiness said meanwhile goes in `seen`. */
  inject(streamStartedAt: Date, seen: Figure[]): Promise<string>;
  /** What the fault's stream does differently. */
  stream?: Partial<StreamOptions>;
  /** The fault's own checks, once the audit found everything settled. */
  after?(): Promise<Figure[]>;
  /** Classes of answer this fault may add beyond success and coded errors (nobody left to answer). */
  unanswered?: RegExp;
}

/** How soon the gateway must stop routing to a subgraph that cannot serve, and route to it again once it can. */
const routingWithinMs = 5_000;
// A subgraph's /ready answers from a check under 0.9 s old; its database check fails at once when nothing listens.
const readinessWithinMs = 3_000;

async function killAndStart(name: ServerName, seen: Figure[]): Promise<string> {
  await stack.kill(name);
  // The subgraph stays down until the gateway has noticed: while it is down, requests needing it are answered at once.
  if (name !== 'gateway')
    seen.push(routingFigure(`${name} gone: the gateway stops routing to it`, await untilRouting(stack, [name], false, routingWithinMs), routingWithinMs));
  const started = performance.now();
  await stack.start(name);
  if (name !== 'gateway')
    seen.push(routingFigure(`${name} ready again: routed again`, await untilRouting(stack, [name], true, routingWithinMs), routingWithinMs));
  return `${name} SIGKILLed, started again and ready in ${((performance.now() - started) / 1000).toFixed(1)} s`;
}

/** One stream, the fault a few seconds into it, then the audit: the figures are printed before anything is asserted. */
async function purchasesThrough(fault: Fault): Promise<void> {
  const scarce = await stockProduct(shop, db, `SCARCE-${fault.name.split(' ')[0]}`, 5_000, 40);
  const startedAt = new Date();
  const running = runStream(shop, { ...stream, ...fault.stream, ample, scarce });
  await sleep(faultAfterMs);
  const struck = performance.now();
  const seen: Figure[] = [];
  const what = await fault.inject(startedAt, seen);
  const faultSeconds = (performance.now() - struck) / 1000;
  const result = await running;
  const checked = await audit(db, shop, result, settleWithinMs);
  checked.figures.push(...seen, ...(await settledReadiness(stack, routingWithinMs)), ...((await fault.after?.()) ?? []));
  const classes = clientClasses(result, fault.unanswered);
  console.log(
    `\n[fault] ${fault.name}: ${what}; struck ${faultAfterMs / 1000} s into a stream of ${result.purchases.length} checkouts (concurrency ${stream.concurrency}), ` +
      `over in ${faultSeconds.toFixed(1)} s; stream ${result.seconds.toFixed(1)} s, slowest answer ${(result.slowestMs / 1000).toFixed(1)} s (client timeout ${stream.requestTimeoutMs / 1000} s)`,
  );
  printAnswers(result);
  printFigures(checked.figures);
  expect(stack.deadServers(), 'servers that exited by themselves').toEqual([]);
  expect(classes.refused, 'answers that were neither a success nor a coded error').toEqual({});
  expect(checked.figures.filter((f) => !f.ok)).toEqual([]);
}

describe('purchases survive faults', () => {
  it(`the Kafka broker stopped for ${kafkaDownMs / 1000} s, then started again on its data`, async () => {
    await purchasesThrough({
      name: 'kafka',
      async inject(_, seen) {
        await stack.stopKafka();
        // Past the subgraphs' broker ping timeout: they know it is gone.
        await sleep(kafkaDownMs / 2);
        seen.push(
          readinessFigure('broker down: every subgraph /ready 200 degraded (events wait in the outbox)', await readinessOfSubgraphs(stack), (a) => {
            return a.http === 200 && a.status === 'degraded' && a.eventTransport === 'down';
          }),
          routingFigure('broker down: the gateway still routes to every subgraph', await untilRouting(stack, subgraphNames, true, 0), 0),
        );
        await sleep(kafkaDownMs / 2);
        await stack.startKafka();
        return `broker stopped, down ${kafkaDownMs / 1000} s, restarted on the same data folder and port`;
      },
    });
  }, 420_000);

  it('PostgreSQL restarted (fast shutdown) mid-load', async () => {
    await purchasesThrough({
      name: 'postgres',
      async inject(_, seen) {
        const { downMs } = await stack.restartPostgres(async () => {
          const unavailable = (a: SubgraphReadiness) => a.http === 503 && a.status === 'unavailable' && a.database === 'down';
          const { answers, tookMs } = await untilReadiness(stack, unavailable, readinessWithinMs);
          seen.push(
            readinessFigure(`database down: every subgraph /ready 503 unavailable within ${readinessWithinMs / 1000} s`, answers, unavailable, tookMs),
            routingFigure(
              'database down: the gateway stops routing to every subgraph',
              await untilRouting(stack, subgraphNames, false, routingWithinMs),
              routingWithinMs,
            ),
          );
        });
        return `fast shutdown and start again, down ${(downMs / 1000).toFixed(1)} s`;
      },
    });
  }, 420_000);

  for (const name of ['orders', 'catalog', 'payments'] as const) {
    it(`${name} killed with SIGKILL mid-load, then started again`, async () => {
      await purchasesThrough({ name, inject: (_, seen) => killAndStart(name, seen) });
    }, 420_000);
  }

  it('the gateway killed with SIGKILL mid-load, then started again', async () => {
    await purchasesThrough({
      name: 'gateway',
      inject: (_, seen) => killAndStart('gateway', seen),
      // While no gateway listens, nobody answers: shoppers see the connection refused or cut, and retry.
      unanswered: /^connection /,
    });
  }, 420_000);

  it("orders' relay killed between publishing a batch and marking it sent, then started again", async () => {
    let crash: Crash | undefined;
    let unmarked = 0;
    await purchasesThrough({
      name: 'relay',
      async inject() {
        crash = await stack.crashAt('orders', crashPoints.relay, async (died) => void (unmarked = await unmarkedAtDeath(db, 'orders', died)));
        return `orders restarted with ${crashPoints.relay} armed, died there on its own, started again without it`;
      },
      after: async () => [diedThere('orders', crash!, 'outbox-relay:after-publish'), ...(await relayCrashFigures(db, 'orders', crash!, unmarked))],
    });
  }, 420_000);

  it("payments' consumer killed after its effect, before its offset commit, then started again", async () => {
    let crash: Crash | undefined;
    let applied = 0;
    await purchasesThrough({
      name: 'consumer',
      async inject() {
        crash = await stack.crashAt('payments', crashPoints.consumer, async (died) => void (applied = await appliedAtDeath(db, 'payments', died)));
        return `payments restarted with ${crashPoints.consumer} armed, died there on its own, started again without it`;
      },
      after: async () => [diedThere('payments', crash!, 'event-consumer:after-effect'), ...(await consumerCrashFigures(db, 'payments', crash!, applied))],
    });
  }, 420_000);

  it(`the payment provider answering 500s for ${providerOutage.failMs / 1000} s, its webhooks delivered twice and out of order`, async () => {
    // payments runs with production settings, where staff's setSandboxFaults is refused (SANDBOX_ONLY): the fault is
    // set in the sandbox's own settings row, which every payments replica re-reads within 200 ms.
    const setProvider = (latencyMs: number, failMs: number, webhookDelayMs: number) =>
      db.query(
        `insert into payments.sandbox_setting (id, latency_ms, fail_until, drop_webhooks_until, webhook_delay_ms, updated_at)
         values (1, $1, case when $2::int > 0 then now() + make_interval(secs => $2::int / 1000.0) end, null, $3, now())
         on conflict (id) do update set latency_ms = excluded.latency_ms, fail_until = excluded.fail_until,
           drop_webhooks_until = null, webhook_delay_ms = excluded.webhook_delay_ms, updated_at = now()`,
        [latencyMs, failMs, webhookDelayMs],
      );
    let replay: WebhookReplay | undefined;
    let since: Date | undefined;
    await purchasesThrough({
      name: 'provider',
      // A quarter pay with the slow card: PROCESSING, then a second event when it succeeds, which the replay sends first.
      stream: { slowCardShare: 0.25 },
      async inject(streamStartedAt) {
        since = streamStartedAt;
        replay = replayWebhooks(db, stack.serverUrl('payments'), stack.sandboxWebhookSecret, streamStartedAt);
        await setProvider(providerOutage.latencyMs, providerOutage.failMs, providerOutage.webhookDelayMs);
        await sleep(providerOutage.failMs);
        await setProvider(0, 0, providerOutage.webhookDelayMs);
        return (
          `sandbox slowed by ${providerOutage.latencyMs} ms then answering 500s for ${providerOutage.failMs / 1000} s, then answering again; ` +
          `its webhooks held ${providerOutage.webhookDelayMs / 1000} s for the rest of the stream, each POSTed first by the replay (newest first, signed with the provider's secret)`
        );
      },
      async after() {
        const { replayed, answers } = await replay!.finish();
        await setProvider(0, 0, 0);
        // The sandbox's own deliveries of the last events are still held: they come within the delay.
        const undelivered = () =>
          db.query<{ n: number }>('select count(*)::int as n from payments.sandbox_webhook where created_at >= $1 and (delivered_at is null or dropped)', [
            since,
          ]);
        for (const until = performance.now() + 30_000; (await undelivered()).rows[0]!.n > 0 && performance.now() < until;) await sleep(500);
        const ok200 = Object.entries(answers)
          .filter(([answer]) => answer.startsWith('HTTP 200'))
          .reduce((n, [, k]) => n + k, 0);
        const events = (
          await db.query<{ queued: number; delivered: number; received: number }>(
            `select count(*)::int as queued, count(*) filter (where w.delivered_at is not null and not w.dropped)::int as delivered,
                    count(e.event_id)::int as received
               from payments.sandbox_webhook w left join payments.webhook_event e on e.provider = 'sandbox' and e.event_id = w.id
              where w.created_at >= $1`,
            [since],
          )
        ).rows[0]!;
        // The slow card's payments have two events (processing, then succeeded): replayed newest first, the stale one comes last.
        const reordered = (
          await db.query<{ payments: number; succeeded: number }>(
            `with several as (select payload->'data'->'payment'->>'id' as id from payments.sandbox_webhook
                               where created_at >= $1 and payload->'data' ? 'payment' group by 1 having count(*) > 1)
             select (select count(*) from several)::int as payments,
                    (select count(*) from payments.payment_intent i join several s on s.id = i.provider_payment_id where i.status = 'SUCCEEDED')::int as succeeded`,
            [since],
          )
        ).rows[0]!;
        return [
          {
            check: 'payments with several events, replayed latest first: intents SUCCEEDED (not moved back)',
            value: `${reordered.succeeded} of ${reordered.payments}`,
            ok: reordered.payments > 0 && reordered.succeeded === reordered.payments,
          },
          {
            check: 'webhooks replayed (newest first), answered 200',
            value: `${ok200} of ${replayed} (${Object.entries(answers)
              .map(([a, n]) => `${a} ${n}`)
              .join(', ')})`,
            ok: replayed > 0 && ok200 === replayed && replayed === events.queued,
          },
          {
            check: "provider's own deliveries / events payments recorded (once each)",
            value: `${events.delivered} / ${events.received} of ${events.queued} queued`,
            ok: events.delivered === events.queued && events.received === events.queued,
          },
        ];
      },
    });
  }, 420_000);

  // Last: it moves orders' store clock for good.
  it("the clock moved across unpaid orders' deadline while orders is down: each expires once when it returns", async () => {
    const product = await stockProduct(shop, db, 'CLOCK', 5_000, 100);
    const orderIds = await placeUnpaidOrders(shop, db, product, unpaidOrders);
    await stack.kill('orders');
    const { byMs, latestDeadline } = await moveOrdersClockPast(db, orderIds);
    // In production there is no sandbox clock (start-service follows it only outside production): orders comes back in
    // sandbox mode, reading the moved clock as it starts.
    const started = performance.now();
    await stack.start('orders', { NODE_ENV: 'test' });
    const figures = [...(await auditExpiry(db, product, orderIds, settleWithinMs)), ...(await eventFigures(db))];
    console.log(
      `\n[fault] clock: ${orderIds.length} orders left AWAITING_PAYMENT; orders SIGKILLed; its sandbox clock moved ${(byMs / 3_600_000).toFixed(2)} h, ` +
        `a minute past the latest deadline (${latestDeadline.toISOString()}); orders started again in sandbox mode, ready in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    printFigures(figures);
    expect(stack.deadServers(), 'servers that exited by themselves').toEqual([]);
    expect(figures.filter((f) => !f.ok)).toEqual([]);
  }, 300_000);
});
