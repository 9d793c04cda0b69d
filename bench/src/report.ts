import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { subgraphs } from '@vitrine/gateway';
import { repoRoot, type BenchConfig } from './config.js';
import { otherProcesses } from './cpu.js';
import type { LogSummary } from './processes.js';
import type { ProcessProfile } from './profile.js';
import { fanOutSection } from './report-fan-out.js';
import { hiveSection } from './report-hive.js';
import { profileSection } from './report-profiles.js';
import { soakChart, soakSection } from './report-soak.js';
import type { RunnerMemory } from './runner-memory.js';
import { orderCpuSection, type OrderCpuWindow } from './report-order-cost.js';
import { activitySection, idleStatementsSection, perPayment, statementsSection } from './report-statements.js';
import type { ActivityRow } from './activity.js';
import type { StatementWindow } from './statements.js';
import { eventLatencySection, type TopicLatency, type WorkloadLatency } from './event-latency.js';
import { targetsSection } from './report-targets.js';
import type { Settlement } from './pipeline.js';
import type { Reconciliation } from './reconcile.js';
import { ms, outcomes, rate, ratio, table } from './report-format.js';
import { authSections, dropSection, ledgerSection, listingSection, paymentsSection, settlementSection } from './report-workloads.js';
import type { ResourceUse } from './resources.js';
import type { AuthRun, TokenCost } from './workloads/authentication.js';
import type { ReadComparison } from './workloads/federated-reads.js';
import type { HiveRun } from './workloads/hive-reads.js';
import type { DropDayResult } from './workloads/drop-day.js';
import type { FanOutResult } from './workloads/fan-out.js';
import type { ListingRun } from './workloads/listing.js';
import type { OtherTransportLatency } from './other-transport.js';
import type { PlaceOrdersResult } from './workloads/place-orders.js';
import type { SoakResult } from './workloads/soak.js';
import type { LedgerSummary, PaymentsRun } from './workloads/payments.js';

/** Whatever the run got to: a failed run still reports what it measured and why it stopped. */
export interface BenchOutcome {
  startedAt: Date;
  /** Every server answered ready: events written before wait for a consumer that is still starting. */
  stackReadyAt?: Date;
  finishedAt: Date;
  config: BenchConfig;
  transport?: 'embedded' | 'kafka';
  /** The other transport's event latencies, from its newest whole report, printed beside this run's. */
  otherTransportLatency?: OtherTransportLatency;
  /** The stack with no load at all, measured before the workloads. */
  idle?: ResourceUse;
  /** Milliseconds per fixed CPU-bound job before the stack started (calibration.ts): lower is a faster machine. */
  calibrationMs?: number;
  /** Resident memory per server (MiB) at the end of the idle baseline. */
  idleMemory?: Record<string, number>;
  /** `npm start`'s runner, measured after the bench's stack stopped (workload `runner`). */
  runnerMemory?: RunnerMemory;
  /** The private part of idleMemory (RssAnon), MiB: what a server costs beyond the node binary's shared pages. */
  idlePrivateMemory?: Record<string, number>;
  reads?: ReadComparison[];
  /** (a)'s reads through Hive Gateway, against our gateway and direct. */
  hive?: HiveRun;
  /** (f) the catalog listing page, products(first: 50) with totalCount and available quantity. */
  listing?: ListingRun;
  /** (g) drop day: one order each from many customers for a limited product. */
  drop?: DropDayResult;
  orders?: PlaceOrdersResult;
  /** Statements from placeOrder's first request until every consumer was quiet again (pg_stat_statements). */
  orderStatements?: StatementWindow;
  /** CPU per process from placeOrder's first request until every consumer was quiet again. */
  orderCpu?: OrderCpuWindow;
  /** Statements over the idle window: what the stack does with no load (polling, probes). */
  idleStatements?: StatementWindow;
  /** Busy database sessions sampled over the same window (pg_stat_activity). */
  orderActivity?: { samples: number; seconds: number; rows: ActivityRow[] };
  /** (i) order events fanned out to partners' webhooks. */
  fanout?: FanOutResult;
  /** (h) deposit payments through the gateway. */
  payments?: PaymentsRun;
  /** Outbox-to-inbox latency per topic and consumer, over the whole run. */
  eventLatency?: TopicLatency[];
  /** The slowest topic among the events each write workload wrote. */
  eventLatencyByWorkload?: WorkloadLatency[];
  /** The soak: steady purchases, memory and event backlog sampled over time (only when BENCH_ONLY names it). */
  soak?: SoakResult;
  /** payments' ledger reconciliation, asked at the end of every run. */
  ledger?: LedgerSummary;
  /** (c) sign-in, (d) me, (e) the same query without and with a token. */
  login?: AuthRun;
  me?: AuthRun;
  tokenCost?: TokenCost;
  settlement?: Settlement;
  reconciliation?: Reconciliation;
  logs?: Record<string, LogSummary>;
  /** BENCH_PROFILE: each server's CPU profile over the whole run, summarised. */
  profiles?: ProcessProfile[];
  error?: string;
}

/** What the bench itself causes, so a reader does not chase it. */
function knownCause(message: string): string {
  if (/\(aborted\)$/.test(message)) {
    return ' (a client closed its connection mid-request: autocannon does so to the requests in flight when a run or warm-up ends)';
  }
  return '';
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: repoRoot, timeout: 5_000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

export function verdict(outcome: BenchOutcome): 'OK' | 'MISMATCH' | 'FAILED' {
  // Drop day's books not balancing (oversold, undersold, lost orders) fails the run outright, as does a lost or misordered webhook.
  // So does a soak whose memory keeps growing or whose event backlog does not drain.
  if (
    outcome.error ||
    !outcome.reconciliation ||
    (outcome.drop && !outcome.drop.ok) ||
    (outcome.fanout && !outcome.fanout.ok) ||
    (outcome.soak && !outcome.soak.ok)
  )
    return 'FAILED';
  return outcome.reconciliation.ok ? 'OK' : 'MISMATCH';
}

export function renderReport(outcome: BenchOutcome): string {
  const { config } = outcome;
  const commit = git(['rev-parse', '--short', 'HEAD']);
  const dirty = git(['status', '--porcelain'])?.length ? ' (uncommitted changes)' : '';
  const cpu = cpus();
  const out: string[] = [];

  out.push(`# Vitrine benchmark, ${outcome.startedAt.toISOString()}`, '');
  const failedChecks = [
    ...(outcome.drop && !outcome.drop.ok ? ['drop day checks did not balance (see (g))'] : []),
    ...(outcome.fanout && !outcome.fanout.ok ? ['event fan-out checks failed (see (i))'] : []),
    ...(outcome.soak && !outcome.soak.ok ? ['soak checks failed (see Soak)'] : []),
  ];
  out.push(`**Result: ${verdict(outcome)}**${outcome.error ? `: ${outcome.error}` : failedChecks.length ? `: ${failedChecks.join('; ')}` : ''}`, '');
  const contended = contendedRuns(outcome);
  if (contended.length) {
    out.push(
      `**Disturbed:** other processes on this machine competed with ${contended.length} of the measured runs (see CPU and database use); do not compare those figures.`,
      '',
    );
  }
  out.push(
    table(
      ['Setting', 'Value'],
      [
        ['Commit', `${commit ?? 'unknown'}${dirty}`],
        ['Machine', `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`],
        ['Node', process.version],
        [
          'Machine speed',
          outcome.calibrationMs === undefined
            ? 'not measured'
            : `${outcome.calibrationMs.toFixed(0)} ms per 100,000 PBKDF2-SHA256 iterations on one core (lower is faster; compare reports only when close)`,
        ],
        ['Event transport', outcome.transport ?? 'not started'],
        ['PostgreSQL', 'embedded, throwaway data dir, default durability (fsync and synchronous_commit on); the servers reach it over its Unix socket'],
        [
          'Processes',
          `${subgraphs.map((s) => s.name).join(', ')}, gateway (${config.gatewayWorkers} workers) and PostgreSQL, each separate from the load generator; all on this machine${
            config.eventWorkers.length
              ? `; ${config.eventWorkers.join(', ')} as two processes each (BENCH_EVENT_WORKERS): the API one the gateway routes to, without event consumer or relay, and \`<name>-worker\` with them`
              : ''
          }${
            Object.keys(config.replicas).length
              ? `; replicas behind the gateway (BENCH_REPLICAS): ${Object.entries(config.replicas)
                  .map(([name, count]) => Array.from({ length: count }, (_, i) => `\`${i === 0 ? name : `${name}-${i + 1}`}\``).join(', '))
                  .join('; ')}; direct reads use the first of each`
              : ''
          }`,
        ],
        [
          'Customers',
          `${config.customers} registered at set-up; authenticated workloads use their access tokens round-robin (ES256, verified by the gateway and again by each subgraph reached)`,
        ],
        [
          'Read load',
          `${config.readConnections} connections, ${config.warmupSeconds} s warm-up + ${config.readSeconds} s per target; (a) after ${config.gatewayWarmupSeconds} s of unmeasured load through the gateway on its queries, in halves, gateway / direct / direct / gateway, pooled per side`,
        ],
        ['placeOrder load', `${config.orderConnections} connections, ${config.orderSeconds} s`],
        [
          'Auth load',
          `login: ${config.loginConnections} connections, me and the token pair: ${config.readConnections} connections; ${config.warmupSeconds} s warm-up + ${config.authSeconds} s each (the pair: ${config.authSeconds} s per side, in halves)`,
        ],
        ['Listing load', `${config.listingConnections} connections, ${config.warmupSeconds} s warm-up + ${config.readSeconds} s`],
        [
          'Drop day',
          `${config.dropCustomers} customers, one purchase each (checkout + deposit), ${config.dropUnits} units, ${Math.min(config.dropConnections, config.dropCustomers)} connections`,
        ],
        [
          'Event fan-out',
          `placeOrder at ${config.fanoutRate}/s for ${config.fanoutSeconds} s, ${config.fanoutPartners} partners' webhooks, deliveries awaited up to ${config.fanoutTimeoutSeconds} s`,
        ],
        ...(outcome.soak
          ? [
              [
                'Soak',
                `${config.soakRate} purchases/s (at most ${config.soakConnections} in flight) for ${config.soakSeconds} s, read every ${config.soakSampleSeconds} s`,
              ],
            ]
          : []),
        ['Workloads', config.only ? `only ${[...config.only].join(', ')} (BENCH_ONLY)` : 'all but the soak'],
        ['Run order', 'idle, (a), (a) against Hive Gateway, (f), (c), (d), (e), (h), (g), (b), settling, soak, (i), reconciliation'],
        ['Duration', `${((outcome.finishedAt.getTime() - outcome.startedAt.getTime()) / 1000).toFixed(0)} s in all`],
      ],
    ),
    '',
  );
  out.push(
    'Latencies are in milliseconds over every HTTP response; requests/s is responses per wall-clock second. Load generator and servers share the CPUs, so compare runs on the same machine only.',
    '',
  );
  out.push(...targetsSection(outcome));

  if (outcome.reads) {
    out.push('## (a) Federated reads', '');
    out.push(
      table(
        ['Query', 'Path', 'req/s', 'p50', 'p90', 'p99', 'max', 'Responses', 'Outcomes', 'Socket errors / timeouts'],
        outcome.reads.flatMap((c) =>
          [c.gateway, c.direct].map(({ target, result }) => [
            c.name,
            target.path === 'gateway' ? 'gateway' : `${target.subgraph} direct`,
            rate(result.perSecond),
            ms(result.p50),
            ms(result.p90),
            ms(result.p99),
            ms(result.max),
            result.responses,
            outcomes(result),
            `${result.socketErrors} / ${result.timeouts}`,
          ]),
        ),
      ),
      '',
      'Gateway / direct latency ratio:',
      '',
      table(
        ['Query', 'p50 ratio', 'p99 ratio', 'Throughput ratio'],
        outcome.reads.map((c) => [c.name, ratio(c.p50Ratio), ratio(c.p99Ratio), ratio(c.gateway.result.perSecond / c.direct.result.perSecond)]),
      ),
      '',
    );
    for (const c of outcome.reads) if (c.note) out.push(`Note (${c.name}): ${c.note}`, '');
    out.push('Queries:', '');
    for (const c of outcome.reads) {
      for (const { target } of [c.gateway, c.direct]) {
        out.push(`- ${target.path === 'gateway' ? 'gateway' : `${target.subgraph} direct`}: \`${target.query}\``);
      }
    }
    out.push('');
  }

  if (outcome.hive) out.push(...hiveSection(outcome.hive));
  if (outcome.listing) out.push(...listingSection(outcome.listing));
  if (outcome.payments) {
    out.push(...paymentsSection(outcome.payments));
    const { statements, result } = outcome.payments;
    if (statements) out.push(...statementsSection(statements, result.responses, outcome.idle?.transactionsPerSecond, perPayment));
  }
  if (outcome.drop) out.push(...dropSection(outcome.drop));

  if (outcome.orders) {
    const { result, mix, acknowledged, acknowledgedStatus } = outcome.orders;
    out.push('## (b) placeOrder through the gateway', '');
    out.push(
      `Each request has a fresh idempotency key and the next of ${outcome.orders.customers} customers' access tokens (round-robin; orders belong to the caller). ${Math.round((1 - mix.scarceShare) * 100)}% order ${mix.plainLines}; ${Math.round(mix.scarceShare * 100)}% order ${mix.scarceLines}.`,
      '',
    );
    out.push(
      table(
        ['Connections', 'orders/s', 'p50', 'p90', 'p99', 'max', 'Responses', 'Acknowledged', 'Socket errors / timeouts'],
        [
          [
            result.connections,
            rate(result.perSecond),
            ms(result.p50),
            ms(result.p90),
            ms(result.p99),
            ms(result.max),
            result.responses,
            acknowledged.length,
            `${result.socketErrors} / ${result.timeouts}`,
          ],
        ],
      ),
      '',
      `Responses by outcome (GraphQL errors by \`extensions.code\`, non-2xx by status): ${outcomes(result)}.`,
      '',
      `Status in the acknowledgements: ${
        Object.entries(acknowledgedStatus)
          .map(([s, n]) => `${s} ${n}`)
          .join(', ') || 'none'
      } (stock is reserved asynchronously).`,
      '',
    );
  }

  if (outcome.settlement) out.push(...settlementSection(outcome.settlement));
  if (outcome.orderStatements && outcome.orders) {
    out.push(...statementsSection(outcome.orderStatements, outcome.orders.result.responses, outcome.idle?.transactionsPerSecond));
    if (outcome.orderCpu) out.push(...orderCpuSection(outcome.orderCpu, outcome.orders.result.responses, outcome.idle));
  }
  if (outcome.orderActivity) out.push(...activitySection(outcome.orderActivity));
  if (outcome.soak) out.push(...soakSection(outcome.soak, soakChartFile(outcome.startedAt)));
  if (outcome.fanout) out.push(...fanOutSection(outcome.fanout));
  if (outcome.eventLatency) {
    out.push(...eventLatencySection(outcome.eventLatency, outcome.transport ?? 'embedded', outcome.eventLatencyByWorkload, outcome.otherTransportLatency));
  }

  if (outcome.reconciliation) {
    const r = outcome.reconciliation;
    out.push('Orders by status (all orders, including the one placed during set-up):', '');
    out.push(
      table(
        ['Status', 'Reason', 'Orders'],
        r.ordersByStatus.map((o) => [o.status, o.reason || '-', o.count]),
      ),
      '',
    );
    out.push(`## Reconciliation: ${r.ok ? 'OK' : 'MISMATCH'}`, '');
    out.push(
      table(
        ['Check', 'Result', 'Detail'],
        r.checks.map((c) => [c.name, c.ok ? 'OK' : 'MISMATCH', c.detail]),
      ),
      '',
    );
    const shown = r.products.filter((p) => p.role || p.reservedUnits > 0 || !p.stockOk || !p.unitsOk);
    out.push(
      `Products with activity (the other ${r.products.length - shown.length} were untouched and balance):`,
      '',
      table(
        ['SKU', 'Role', 'Initial', 'Current', 'Reserved', 'Confirmed units', 'Stock', 'Units'],
        shown.map((p) => [
          p.sku,
          p.role || '-',
          p.initialStock,
          p.currentStock,
          p.reservedUnits,
          p.confirmedUnits,
          p.stockOk ? 'OK' : 'MISMATCH',
          p.unitsOk ? 'OK' : 'MISMATCH',
        ]),
      ),
      '',
    );
  }

  if (outcome.ledger) out.push(...ledgerSection(outcome.ledger));
  out.push(...authSections(outcome));
  out.push(...resourceSection(outcome, cpu.length));
  if (outcome.profiles) out.push(...profileSection(outcome.profiles));

  if (outcome.logs) {
    out.push('## Service logs (LOG_LEVEL=warn)', '');
    for (const [name, log] of Object.entries(outcome.logs)) {
      const levels =
        Object.entries(log.byLevel)
          .map(([l, n]) => `${l} ${n}`)
          .join(', ') || 'nothing';
      out.push(`- **${name}**: ${levels}`);
      for (const p of log.topProblems) out.push(`  - ${p.count} x ${p.level}: ${p.message.replace(/`/g, "'")}${knownCause(p.message)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** Every measured run with its CPU and database use, in the order they ran. */
function measuredRuns(outcome: BenchOutcome): [string, ResourceUse | undefined][] {
  return [
    ...(outcome.idle ? [['Idle (no load)', outcome.idle] as [string, ResourceUse]] : []),
    ...(outcome.reads ?? []).flatMap((c) =>
      [c.gateway, c.direct].map(({ target, result }): [string, ResourceUse | undefined] => [
        `${c.name}, ${target.path === 'gateway' ? 'gateway' : `${target.subgraph} direct`}`,
        result.resources,
      ]),
    ),
    // The hive workload's own runs of our gateway (pooled halves), and of direct when (a) did not run.
    ...(outcome.hive?.comparisons ?? []).flatMap((c): [string, ResourceUse | undefined][] => [
      ...(c.baseline === 'own' ? ([[`${c.name}, ${c.subgraph} direct`, c.direct.resources]] as [string, ResourceUse | undefined][]) : []),
      [`${c.name}, gateway (against Hive)`, c.apollo.resources],
      [`${c.name}, Hive Gateway`, c.hive.resources],
    ]),
    ...(outcome.listing
      ? ([
          ['products(first: 50) listing, gateway, the same query (cached)', outcome.listing.result.resources],
          ['products(first: 50) listing, gateway, a distinct query per request', outcome.listing.distinct.result.resources],
        ] as [string, ResourceUse | undefined][])
      : []),
    ...(outcome.login ? [['login, gateway', outcome.login.result.resources] as [string, ResourceUse | undefined]] : []),
    ...(outcome.me ? [['me, gateway', outcome.me.result.resources] as [string, ResourceUse | undefined]] : []),
    ...(outcome.tokenCost
      ? ([
          ['products names, gateway, no token', outcome.tokenCost.without.resources],
          ['products names, gateway, with token', outcome.tokenCost.with.resources],
        ] as [string, ResourceUse | undefined][])
      : []),
    ...(outcome.payments ? [['pay (deposits), gateway', outcome.payments.result.resources] as [string, ResourceUse | undefined]] : []),
    ...(outcome.drop ? [['drop day purchases (checkout + pay), gateway', outcome.drop.purchase.resources] as [string, ResourceUse | undefined]] : []),
    ...(outcome.orders ? [['placeOrder, gateway', outcome.orders.result.resources] as [string, ResourceUse | undefined]] : []),
    ...(outcome.soak ? [['soak purchases (checkout + pay), gateway', outcome.soak.resources] as [string, ResourceUse | undefined]] : []),
    ...(outcome.fanout
      ? [['event fan-out (orders at a fixed rate, until the last delivery)', outcome.fanout.resources] as [string, ResourceUse | undefined]]
      : []),
  ];
}

/**
 * Runs during which processes outside the bench kept a noticeable share of
 * the machine busy (a test suite, a build): their figures are not comparable.
 */
export function contendedRuns(outcome: BenchOutcome): { run: string; cores: number }[] {
  const threshold = Math.max(0.2, 0.1 * cpus().length);
  return measuredRuns(outcome)
    .map(([run, use]) => ({ run, cores: use?.cores[otherProcesses] ?? 0 }))
    .filter((r) => r.cores > threshold);
}

function resourceSection(outcome: BenchOutcome, cores: number): string[] {
  const runs = measuredRuns(outcome);
  const groups = [...new Set(runs.flatMap(([, use]) => Object.keys(use?.cores ?? {})))];
  if (groups.length === 0) return [];
  const idleCores = Object.entries(outcome.idle?.cores ?? {})
    .filter(([group]) => group !== otherProcesses)
    .reduce((sum, [, n]) => sum + n, 0);
  // An idle stack should cost next to nothing; if it does not, every figure above is measured against that background work.
  const idleNote =
    outcome.idle && idleCores > 0.25 * cores
      ? [
          `**Note:** with no load at all the stack kept ${idleCores.toFixed(2)} of ${cores} cores busy and ran ${rate(outcome.idle.transactionsPerSecond)} database transactions/s. The figures above compete with that background work.`,
          '',
        ]
      : [];
  const contended = contendedRuns(outcome);
  const contentionNote = contended.length
    ? [
        `**Warning:** processes outside the bench kept this machine busy during ${contended.map((c) => `${c.run} (${c.cores.toFixed(2)} cores)`).join(', ')}. Those figures competed with them and are not comparable with other runs.`,
        '',
      ]
    : [];
  return [
    '## CPU and database use',
    '',
    `Average cores busy per process tree (1.00 = one core; ${cores} available) and database transactions per second, over each measured run. \`${otherProcesses}\` is whatever else ran on the machine meanwhile (from /proc/stat). A total near the machine's core count means the figures above are CPU-bound.`,
    '',
    table(
      ['Run', ...groups, 'Total', 'DB transactions/s'],
      runs.map(([name, use]) => {
        const values = groups.map((g) => use?.cores[g] ?? 0);
        return [name, ...values.map((v) => v.toFixed(2)), values.reduce((a, b) => a + b, 0).toFixed(2), rate(use?.transactionsPerSecond ?? Number.NaN)];
      }),
    ),
    '',
    ...idleNote,
    ...contentionNote,
    ...(outcome.idleStatements ? idleStatementsSection(outcome.idleStatements) : []),
  ];
}

/** `2026-11-25T10-04-05Z`: sortable, and without colons, which some file systems refuse. */
const reportBaseName = (startedAt: Date) =>
  startedAt
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');

/** The soak's chart, next to the report it belongs to (latest.md links to it too). */
export const soakChartFile = (startedAt: Date) => `${reportBaseName(startedAt)}-soak.svg`;

/** Writes `<time>.md` and latest.md, and the report's figures (the soak's chart) beside them. */
export async function writeReport(dir: string, outcome: BenchOutcome, markdown: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${reportBaseName(outcome.startedAt)}.md`);
  if (outcome.soak) await writeFile(join(dir, soakChartFile(outcome.startedAt)), soakChart(outcome.soak));
  await writeFile(path, markdown);
  await writeFile(join(dir, 'latest.md'), markdown);
  return path;
}
