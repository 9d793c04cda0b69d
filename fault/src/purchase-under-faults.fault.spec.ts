import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from './audit.js';
import { openDatabase } from './db.js';
import { clientClasses, printAnswers, printFigures } from './report.js';
import { openShop, stockProduct, type Product, type Shop } from './shop.js';
import { startFaultStack, type FaultStack, type ServerName } from './stack.js';
import { runStream, type StreamOptions } from './stream.js';

// Purchases through the gateway while a part of the platform fails under them, each fault during a stream of its
// own, on one stack of child processes with its own PostgreSQL and Kafka broker. After each: every acknowledged
// checkout ended once, stock and money reconcile, no event was applied twice or parked, and every answer the
// shoppers got was a success or a coded error.

/** How long the broker stays down: long enough for every producer's and consumer's retries to give up at least once. */
const kafkaDownMs = 20_000;
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
  /** Strikes and recovers; says what it did, for the output. */
  inject(): Promise<string>;
  /** Classes of answer this fault may add beyond success and coded errors (nobody left to answer). */
  unanswered?: RegExp;
}

async function killAndStart(name: ServerName): Promise<string> {
  await stack.kill(name);
  const started = performance.now();
  await stack.start(name);
  return `${name} SIGKILLed, started again and ready in ${((performance.now() - started) / 1000).toFixed(1)} s`;
}

/** One stream, the fault a few seconds into it, then the audit: the figures are printed before anything is asserted. */
async function purchasesThrough(fault: Fault): Promise<void> {
  const scarce = await stockProduct(shop, db, `SCARCE-${fault.name.split(' ')[0]}`, 5_000, 40);
  const running = runStream(shop, { ...stream, ample, scarce });
  await sleep(faultAfterMs);
  const struck = performance.now();
  const what = await fault.inject();
  const faultSeconds = (performance.now() - struck) / 1000;
  const result = await running;
  const checked = await audit(db, shop, result, settleWithinMs);
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
      async inject() {
        await stack.stopKafka();
        await sleep(kafkaDownMs);
        await stack.startKafka();
        return `broker stopped, down ${kafkaDownMs / 1000} s, restarted on the same data folder and port`;
      },
    });
  }, 420_000);

  it('PostgreSQL restarted (fast shutdown) mid-load', async () => {
    await purchasesThrough({
      name: 'postgres',
      async inject() {
        const { downMs } = await stack.restartPostgres();
        return `fast shutdown and start again, down ${(downMs / 1000).toFixed(1)} s`;
      },
    });
  }, 420_000);

  for (const name of ['orders', 'catalog', 'payments'] as const) {
    it(`${name} killed with SIGKILL mid-load, then started again`, async () => {
      await purchasesThrough({ name, inject: () => killAndStart(name) });
    }, 420_000);
  }

  it('the gateway killed with SIGKILL mid-load, then started again', async () => {
    await purchasesThrough({
      name: 'gateway',
      inject: () => killAndStart('gateway'),
      // While no gateway listens, nobody answers: shoppers see the connection refused or cut, and retry.
      unanswered: /^connection /,
    });
  }, 420_000);
});
