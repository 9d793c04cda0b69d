// `npm run bench`: brings up a throwaway stack, runs the workloads, writes bench/reports/<time>.md.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import pg from 'pg';
import { calibrate } from './calibration.js';
import { otherTransportLatency } from './other-transport.js';
import { loadBenchConfig, repoRoot, runs } from './config.js';
import { otherProcesses } from './cpu.js';
import { snapshotPipeline, waitForQuietConsumers, waitForSettlement, type Settlement } from './pipeline.js';
import { reconcile } from './reconcile.js';
import { contendedRuns, renderReport, verdict, writeReport, type BenchOutcome } from './report.js';
import { createSampler, resourceUse } from './resources.js';
import { readProfiles } from './profile.js';
import { seed } from './seed.js';
import { enableStatementStats, lateCountsMs, markStatements, readStatements } from './statements.js';
import { sampleActivity } from './activity.js';
import { startBenchStack, type BenchStack } from './stack.js';
import { measureRunnerMemory } from './runner-memory.js';
import { errorMessage, sleep, withTimeout } from './util.js';
import { runLogin, runMe, runTokenCost, wrongCustomer } from './workloads/authentication.js';
import { runFederatedReads } from './workloads/federated-reads.js';
import { runHiveReads } from './workloads/hive-reads.js';
import { runDropDay } from './workloads/drop-day.js';
import { runFanOut } from './workloads/fan-out.js';
import { runListing } from './workloads/listing.js';
import { runPlaceOrders } from './workloads/place-orders.js';
import { runSoak } from './workloads/soak.js';
import { eventLatencies, workloadLatency, worstP99 } from './event-latency.js';
import { ledgerReconciliation, runPayments } from './workloads/payments.js';

/** How long npm start's runner sits idle, its stack up, before its memory is read. */
const runnerIdleSeconds = 10;

const config = loadBenchConfig();
const outcome: BenchOutcome = { startedAt: new Date(), finishedAt: new Date(), config };
const logDir = await mkdtemp(join(tmpdir(), 'vitrine-bench-logs-'));
console.log(`[bench] service logs: ${logDir}`);

const shown = (path: string) => {
  const inRepo = relative(repoRoot, path);
  return inRepo.startsWith('..') || isAbsolute(inRepo) ? path : inRepo;
};

let stopStack: (() => Promise<void>) | undefined;
let stack: BenchStack | undefined;
/** Each write workload's span (start until its flow settled), for the event latency of what it wrote. */
const latencyWindows: { workload: string; load: string; from: Date; to: Date }[] = [];
let db: pg.Client | undefined;

/** Waits until a workload's order flow is over (accounts' projection included) and notes its span from `from`. */
async function settleWorkload(database: pg.Client, workload: string, load: string, from: Date): Promise<Settlement> {
  const quiet = await snapshotPipeline(database);
  const settled = await waitForSettlement(database, quiet, quiet, config.settleTimeoutSeconds * 1000);
  latencyWindows.push({ workload, load, from, to: new Date() });
  return settled;
}

// Ctrl-C must not leave PostgreSQL and three servers behind.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`[bench] ${signal}: stopping the stack`);
    void (async () => {
      await db?.end().catch(() => undefined);
      await stopStack?.();
      process.exit(130);
    })();
  });
}

try {
  outcome.calibrationMs = calibrate();
  console.log(`[bench] machine calibration: ${outcome.calibrationMs.toFixed(0)} ms per 100,000 PBKDF2-SHA256 iterations (one core, before the stack starts)`);
  stack = await startBenchStack(config, logDir, (stop) => (stopStack = stop));
  outcome.stackReadyAt = new Date();
  outcome.transport = stack.transport;
  db = new pg.Client({ connectionString: stack.databaseUrl });
  await withTimeout('connecting to PostgreSQL', 10_000, db.connect());

  console.log(`[bench] seeding ${config.products} products through catalog's createProduct (as the bootstrap admin)`);
  // Registering and signing in costs two argon2id hashes per customer.
  const seeded = await withTimeout('seeding', 120_000 + config.customers * 500, seed(config, stack, db));

  const sample = createSampler(stack.sampleCpu, db);
  const statementStats = await enableStatementStats(db);
  if (!statementStats) console.log('[bench] pg_stat_statements is not available: the report will not say where placeOrder spends its transactions');
  if (config.idleSeconds > 0) {
    // The seeding's transactions reach pg_stat_database up to ten seconds late: measured at once, the idle rate was
    // mostly theirs (it is subtracted from what an order costs below).
    await sleep(lateCountsMs);
    const idleStatements = statementStats ? await markStatements(db) : undefined;
    const from = await sample();
    await sleep(config.idleSeconds * 1000);
    outcome.idle = resourceUse(from, await sample());
    if (idleStatements) outcome.idleStatements = await readStatements(db, idleStatements, { limit: 25 });
    outcome.idleMemory = stack.sampleMemory();
    outcome.idlePrivateMemory = stack.samplePrivateMemory();
    const { [otherProcesses]: others = 0, ...stackCores } = outcome.idle.cores;
    const cores = Object.values(stackCores).reduce((a, b) => a + b, 0);
    console.log(
      `[bench] idle: ${cores.toFixed(2)} cores busy, ${outcome.idle.transactionsPerSecond.toFixed(0)} db transactions/s with no load (other processes on this machine: ${others.toFixed(2)} cores)`,
    );
  }

  if (config.only) console.log(`[bench] BENCH_ONLY: ${[...config.only].join(', ')}`);
  if (runs(config, 'reads')) {
    console.log('[bench] (a) federated reads');
    outcome.reads = await runFederatedReads(config, stack, seeded, sample);
  }
  if (runs(config, 'hive')) {
    console.log(`[bench] (a) against Hive Gateway, ${config.gatewayWorkers} workers`);
    outcome.hive = await runHiveReads(config, stack, seeded, sample, outcome.reads);
  }
  if (runs(config, 'listing')) {
    console.log(`[bench] (f) catalog listing, ${config.listingConnections} connections, ${config.readSeconds} s`);
    outcome.listing = await runListing(config, stack, sample);
  }

  if (runs(config, 'login')) {
    console.log(`[bench] (c) login, ${config.loginConnections} connections, ${config.authSeconds} s`);
    outcome.login = await runLogin(config, stack, seeded, sample);
  }
  if (runs(config, 'me')) {
    console.log(`[bench] (d) me, ${config.readConnections} connections, ${config.authSeconds} s`);
    outcome.me = await runMe(config, stack, seeded, sample);
  }
  if (runs(config, 'token')) {
    console.log(`[bench] (e) token verification at the gateway, ${config.readConnections} connections, ${config.authSeconds} s each`);
    outcome.tokenCost = await runTokenCost(config, stack, seeded, sample);
  }

  if (runs(config, 'payments')) {
    console.log(
      `[bench] (h) pay (deposits), ${config.paymentConnections} connections, ${config.paymentSeconds} s, ${config.paymentDues} deposits checked out first`,
    );
    outcome.payments = await runPayments(config, stack, db, seeded, sample, { statementStats });
  }

  // Each write workload starts on a quiet stack: what an earlier one left for the consumers (emails, projections,
  // shipments) would otherwise be measured as its cost.
  if (runs(config, 'drop')) {
    await waitForQuietConsumers(db, 'drop day', config.settleTimeoutSeconds * 1000);
    console.log(
      `[bench] (g) drop day: ${config.dropCustomers} customers, ${config.dropUnits} units, ${Math.min(config.dropConnections, config.dropCustomers)} connections`,
    );
    const from = new Date();
    outcome.drop = await runDropDay(config, stack, db, sample);
    // The drop's order flow must be over before placeOrder is measured.
    const load = `${config.dropCustomers} checkouts at once, ${Math.min(config.dropConnections, config.dropCustomers)} connections`;
    await settleWorkload(db, '(g) drop day', load, from);
  }

  if (runs(config, 'orders')) {
    await waitForQuietConsumers(db, 'placeOrder', config.settleTimeoutSeconds * 1000);
    // So that the transactions counted for placeOrder are none of the work before it (reported late).
    if (statementStats) await sleep(lateCountsMs);
  }
  const beforeLoad = await snapshotPipeline(db);
  const ordersFrom = new Date();
  const statementsFrom = runs(config, 'orders') && statementStats ? await markStatements(db) : undefined;
  const cpuFrom = runs(config, 'orders') ? await sample() : undefined;
  const emailsFrom = cpuFrom ? await stack.emailsAccepted() : undefined;
  // Its own connection: the sampling must not queue behind (or delay) the bench's other queries.
  const benchDatabase = new URL(stack.databaseUrl);
  const activityDb = runs(config, 'orders') ? new pg.Client({ connectionString: new URL('/postgres', benchDatabase).toString() }) : undefined;
  await activityDb?.connect();
  const activity = activityDb ? sampleActivity(activityDb, decodeURIComponent(benchDatabase.pathname.slice(1))) : undefined;
  if (runs(config, 'orders')) {
    console.log(`[bench] (b) placeOrder, ${config.orderConnections} connections, ${config.orderSeconds} s`);
    outcome.orders = await runPlaceOrders(config, stack, seeded, sample);
  }
  const atLoadEnd = await snapshotPipeline(db);

  console.log(
    `[bench] waiting for the pipeline to settle (pending orders ${atLoadEnd.pendingOrders}, unsent outbox rows ${atLoadEnd.ordersOutboxUnsent + atLoadEnd.catalogOutboxUnsent}, orders accounts' projection lags on ${atLoadEnd.accountsBehind})`,
  );
  const settlement = await waitForSettlement(db, beforeLoad, atLoadEnd, config.settleTimeoutSeconds * 1000);
  // Only (b)'s settlement is a measurement worth a section of the report.
  if (outcome.orders) outcome.settlement = settlement;
  console.log(`[bench] ${settlement.settled ? 'settled' : 'NOT settled'} after ${settlement.settleSeconds.toFixed(1)} s`);
  // Every consumer's share of the orders (emails, shipments, projections) is part of what an order costs.
  if (cpuFrom) await waitForQuietConsumers(db, 'reading what placeOrder caused', config.settleTimeoutSeconds * 1000);
  if (outcome.orders) {
    latencyWindows.push({
      workload: '(b) placeOrder',
      load: `${config.orderConnections} connections, each as fast as answered`,
      from: ordersFrom,
      to: new Date(),
    });
  }
  if (cpuFrom) {
    const cpuTo = await sample();
    const emailsTo = emailsFrom === undefined ? undefined : await stack.emailsAccepted();
    outcome.orderCpu = {
      use: resourceUse(cpuFrom, cpuTo),
      seconds: (cpuTo.cpu.at - cpuFrom.cpu.at) / 1000,
      emails: emailsFrom === undefined || emailsTo === undefined ? undefined : emailsTo - emailsFrom,
    };
  }
  if (activity) {
    outcome.orderActivity = await activity.stop();
    await activityDb!.end();
  }
  // Last: its transaction count waits for the window's late reports, idle time the CPU and activity figures leave out.
  if (statementsFrom) outcome.orderStatements = await readStatements(db, statementsFrom, { awaitLateCounts: true });
  stack.assertAlive();

  let settledAtEnd = settlement;
  // Only when BENCH_ONLY names it (ten minutes by default); before the fan-out, whose partners would weigh on it.
  if (runs(config, 'soak')) {
    await waitForQuietConsumers(db, 'soak', config.settleTimeoutSeconds * 1000);
    console.log(
      `[bench] soak: ${config.soakRate} purchases/s (checkout + deposit, at most ${config.soakConnections} in flight) for ${config.soakSeconds} s, read every ${config.soakSampleSeconds} s`,
    );
    const from = new Date();
    outcome.soak = await runSoak(config, stack, db, seeded, sample);
    const after = await settleWorkload(db, 'soak', `${config.soakRate} purchases/s`, from);
    settledAtEnd = { ...after, settled: settledAtEnd.settled && after.settled };
  }

  // Last of all: the partners it registers stay subscribed, and would add their deliveries to any later workload.
  if (runs(config, 'fanout')) {
    await waitForQuietConsumers(db, 'event fan-out', config.settleTimeoutSeconds * 1000);
    console.log(`[bench] (i) event fan-out: placeOrder at ${config.fanoutRate}/s for ${config.fanoutSeconds} s, ${config.fanoutPartners} partners' webhooks`);
    const from = new Date();
    outcome.fanout = await runFanOut(config, stack, db, seeded, sample);
    // Its orders go through the reconciliation too, once their flow is over.
    const load = `placeOrder at ${config.fanoutRate}/s, ${config.fanoutPartners} partners' webhooks`;
    const after = await settleWorkload(db, '(i) event fan-out', load, from);
    settledAtEnd = { ...after, settled: settledAtEnd.settled && after.settled };
  }

  outcome.reconciliation = await withTimeout(
    'reconciliation queries',
    60_000,
    reconcile(
      db,
      seeded,
      [
        ...(outcome.orders?.acknowledged ?? []),
        ...(outcome.drop?.acknowledged ?? []),
        ...(outcome.soak?.acknowledged ?? []),
        ...(outcome.fanout?.acknowledgedOrders ?? []),
      ],
      settledAtEnd,
      outcome.drop ? [{ product: outcome.drop.product, role: 'drop day' }] : [],
    ),
  );
  // A well-formed answer about someone else (sign-in or me) would be a leak, not a slow request.
  const mixUps = [outcome.login, outcome.me].map((run) => run?.result.outcomes[wrongCustomer] ?? 0).reduce((a, b) => a + b, 0);
  outcome.reconciliation.checks.push({
    name: 'every login and me answer was about the customer whose credentials were sent',
    ok: mixUps === 0,
    detail: `${mixUps} answers about another customer`,
  });
  outcome.reconciliation.ok &&= mixUps === 0;
  // payments proves its own ledger at the end of every run, whatever ran.
  outcome.ledger = await withTimeout(
    'payments ledger reconciliation',
    config.settleTimeoutSeconds * 1000 + 60_000,
    ledgerReconciliation(stack, db, config.settleTimeoutSeconds * 1000),
  );
  const l = outcome.ledger;
  console.log(
    `[bench] payments ledger: ${l.balanced ? 'balanced' : 'NOT balanced'}, ${l.transactions} transactions, ${l.orders} orders, ${l.discrepancies.length} discrepancies${l.totals
      .map((t) => `; ${t.currency} paid ${t.paid}, refunded ${t.refunded}, held ${t.held}`)
      .join('')}`,
  );
  outcome.reconciliation.checks.push({
    name: "payments' ledger balances, no order is negative, and it equals the provider's charges and refunds",
    ok: l.balanced,
    detail: l.balanced
      ? `${l.transactions} transactions over ${l.orders} orders`
      : l.discrepancies
          .slice(0, 3)
          .map((d) => `${d.kind} ${d.details}`)
          .join('; '),
  });
  outcome.reconciliation.ok &&= l.balanced;
  // From when every server was up: an event written while its consumer's service was still starting (a policy orders
  // publishes at its start, before aftersales runs) waits for the start-up order, not for the pipeline.
  outcome.eventLatency = await eventLatencies(db, outcome.stackReadyAt ?? outcome.startedAt);
  outcome.eventLatencyByWorkload = [];
  for (const window of latencyWindows) outcome.eventLatencyByWorkload.push(await workloadLatency(db, window));
  const worst = worstP99(outcome.eventLatency);
  if (worst) console.log(`[bench] event latency: worst p99 ${worst.p99Ms.toFixed(0)} ms (${worst.topic} -> ${worst.consumer}) on ${stack.transport}`);
  for (const row of outcome.reconciliation.ordersByStatus) console.log(`[bench] orders ${row.status}${row.reason ? ` (${row.reason})` : ''}: ${row.count}`);
  for (const check of outcome.reconciliation.checks) console.log(`[bench] ${check.ok ? 'OK      ' : 'MISMATCH'} ${check.name}: ${check.detail}`);
} catch (err) {
  outcome.error = errorMessage(err);
  console.error(`[bench] failed: ${outcome.error}`);
} finally {
  await db?.end().catch(() => undefined);
  // Logs are summarised after the stop so shutdown complaints are in the report too.
  await stopStack?.();
}

// Its own whole stack, so only once the bench's has stopped: the two must not share the machine.
if (!interrupted && runs(config, 'runner')) {
  console.log(`[bench] (k) npm start's runner, the whole stack up and idle for ${runnerIdleSeconds} s`);
  try {
    outcome.runnerMemory = await measureRunnerMemory(runnerIdleSeconds);
    console.log(`[bench] npm start's runner: ${outcome.runnerMemory.rssMiB.toFixed(1)} MiB resident, ${outcome.runnerMemory.privateMiB.toFixed(1)} private`);
  } catch (err) {
    // npm start failing to come up is a failed run, not a missing figure.
    outcome.error ??= `npm start's runner: ${errorMessage(err)}`;
    console.error(`[bench] ${outcome.error}`);
  }
}

if (!interrupted) {
  outcome.finishedAt = new Date();
  // Each server wrote its profile as it exited.
  if (config.profile)
    outcome.profiles = await readProfiles(join(logDir, 'profiles')).catch((err) => (console.error(`[bench] profiles: ${errorMessage(err)}`), []));
  outcome.logs = stack?.logSummaries();
  const result = verdict(outcome);
  for (const { run, cores } of contendedRuns(outcome)) {
    console.warn(`[bench] warning: other processes used ${cores.toFixed(2)} cores during "${run}": not comparable with other runs`);
  }
  // Read before this run's report is written: the newest whole report on the other transport.
  if (outcome.eventLatency) {
    outcome.otherTransportLatency = await otherTransportLatency(config.reportDir, outcome.transport ?? 'embedded').catch(() => undefined);
  }
  try {
    const path = await writeReport(config.reportDir, outcome, renderReport(outcome));
    console.log(`[bench] report: ${shown(path)} (also ${shown(join(config.reportDir, 'latest.md'))})`);
  } catch (err) {
    console.error(`[bench] could not write the report: ${errorMessage(err)}`);
  }
  console.log(
    result === 'FAILED'
      ? `[bench] run FAILED: ${outcome.error ?? (outcome.drop && !outcome.drop.ok ? 'drop day checks did not balance' : outcome.fanout && !outcome.fanout.ok ? 'event fan-out checks failed' : outcome.soak && !outcome.soak.ok ? 'soak checks failed' : 'no reconciliation')}`
      : `[bench] reconciliation: ${result}`,
  );
  process.exit(result === 'OK' ? 0 : 1);
}
