import type { BenchOutcome } from './report.js';
import { worstP99 } from './event-latency.js';
import { table } from './report-format.js';
import { idleMemorySection, isSubgraphProcess, subgraphIdleRssTarget, runnerIdleRssTarget } from './report-memory.js';

interface TargetRow {
  workload: string;
  measure: string;
  now: number | undefined;
  /** The bound from issue #14, and whether a larger figure is better. */
  target: number;
  atLeast: boolean;
  unit: string;
}

function fixed(n: number, unit: string): string {
  const figure = n >= 100 || Number.isInteger(n) ? n.toFixed(0) : n.toFixed(2);
  if (unit === 'x') return `x${figure}`;
  return unit ? `${figure} ${unit}` : figure;
}

/**
 * Transactions per order over the whole flow (the statements window, its late counts awaited), less what the stack
 * does idle over as long: every consumer's share is in it, which is the point. Without that window, the rate while
 * the load ran (work before it reported late, consumers' lag left out: approximate).
 */
function transactionsPer(outcome: BenchOutcome): number | undefined {
  const window = outcome.orderStatements;
  const orders = outcome.orders?.result;
  if (!orders || orders.responses === 0) return undefined;
  if (!window || window.transactionSeconds <= window.seconds || !outcome.idle) {
    return orders.resources && orders.perSecond > 0 ? orders.resources.transactionsPerSecond / orders.perSecond : undefined;
  }
  return Math.max(0, window.transactions - outcome.idle.transactionsPerSecond * window.transactionSeconds) / orders.responses;
}

/**
 * Orders over the time until every consumer had done with them: requests/s alone rewards consumers that fall behind
 * (their work lands after the load, off the request path's CPU), this does not. The window ends when the quiet was
 * seen, a poll or two after it began, so it errs low.
 */
function wholeFlowRate(outcome: BenchOutcome): number | undefined {
  const window = outcome.orderStatements;
  if (!outcome.orders || !window || window.seconds <= 0) return undefined;
  return outcome.orders.result.responses / window.seconds;
}

/** Writing transactions per order over the whole flow (the statements window): counted exactly, unlike the row above. */
function writeTransactionsPer(outcome: BenchOutcome): number | undefined {
  const window = outcome.orderStatements;
  if (!outcome.orders || !window || outcome.orders.result.responses === 0) return undefined;
  return window.writeTransactions / outcome.orders.result.responses;
}

/**
 * The figures issue #14 sets targets for, against those targets, so that a
 * regression or a gain shows at a glance. A workload not run says so.
 */
export function targetRows(outcome: BenchOutcome): TargetRow[] {
  const products = outcome.reads?.find((r) => r.name.startsWith('products'));
  const order = outcome.reads?.find((r) => r.name.startsWith('order'));
  const subgraphRss = Object.entries(outcome.idleMemory ?? {}).filter(([name]) => isSubgraphProcess(name));
  const largest = subgraphRss.sort((a, b) => b[1] - a[1])[0];
  const drop = outcome.drop;
  const slowest = outcome.eventLatency ? worstP99(outcome.eventLatency) : undefined;
  return [
    { workload: 'drop day', measure: 'checkouts/s', now: drop?.checkout.perSecond, target: 200, atLeast: true, unit: '/s' },
    { workload: 'drop day', measure: 'checkout p99', now: drop?.checkout.p99, target: 300, atLeast: false, unit: 'ms' },
    {
      workload: 'drop day',
      measure: 'units sold beyond the run',
      now: drop ? Math.max(0, drop.unitsSold - drop.units) : undefined,
      target: 0,
      atLeast: false,
      unit: '',
    },
    { workload: 'placeOrder', measure: 'orders/s', now: outcome.orders?.result.perSecond, target: 250, atLeast: true, unit: '/s' },
    {
      workload: 'placeOrder',
      measure: 'orders/s through every consumer (first order until all are quiet)',
      now: wholeFlowRate(outcome),
      target: 250,
      atLeast: true,
      unit: '/s',
    },
    { workload: 'placeOrder', measure: 'p99', now: outcome.orders?.result.p99, target: 250, atLeast: false, unit: 'ms' },
    {
      workload: 'placeOrder',
      measure: 'database transactions per order (first order until all are quiet, less the idle rate)',
      now: transactionsPer(outcome),
      target: 6,
      atLeast: false,
      unit: '',
    },
    {
      workload: 'placeOrder',
      measure: 'of which wrote (transaction ids, first order until all are quiet; exact)',
      now: writeTransactionsPer(outcome),
      target: 6,
      atLeast: false,
      unit: '',
    },
    {
      workload: 'listing products(first: 50), the same query (cached)',
      measure: 'req/s',
      now: outcome.listing?.result.perSecond,
      target: 500,
      atLeast: true,
      unit: '/s',
    },
    {
      workload: 'listing products(first: 50), the same query (cached)',
      measure: 'p99',
      now: outcome.listing?.result.p99,
      target: 150,
      atLeast: false,
      unit: 'ms',
    },
    {
      workload: 'listing products(first: 50), a distinct query per request',
      measure: 'req/s',
      now: outcome.listing?.distinct.result.perSecond,
      target: 500,
      atLeast: true,
      unit: '/s',
    },
    {
      workload: 'listing products(first: 50), a distinct query per request',
      measure: 'p99',
      now: outcome.listing?.distinct.result.p99,
      target: 150,
      atLeast: false,
      unit: 'ms',
    },
    {
      workload: 'products(first: 20)',
      measure: 'gateway / direct throughput',
      now: products ? products.gateway.result.perSecond / products.direct.result.perSecond : undefined,
      target: 0.85,
      atLeast: true,
      unit: 'x',
    },
    {
      workload: 'products(first: 20)',
      measure: 'gateway p99 minus direct p99',
      now: products ? products.gateway.result.p99 - products.direct.result.p99 : undefined,
      target: 10,
      atLeast: false,
      unit: 'ms',
    },
    {
      workload: 'order(id) with product names',
      measure: 'req/s through the gateway',
      now: order?.gateway.result.perSecond,
      target: 400,
      atLeast: true,
      unit: '/s',
    },
    {
      workload: `events on ${outcome.transport ?? 'embedded'}${slowest ? ` (slowest: ${slowest.topic} -> ${slowest.consumer})` : ''}`,
      measure: 'outbox-to-consumer p99',
      now: slowest?.p99Ms,
      target: 250,
      atLeast: false,
      unit: 'ms',
    },
    // The same target for the events each write workload wrote: which load the overall figure comes from.
    ...(outcome.eventLatencyByWorkload ?? []).map((w) => ({
      workload: `events written during ${w.workload} (${w.load}${w.slowest ? `; slowest: ${w.slowest.topic} -> ${w.slowest.consumer}` : ''})`,
      measure: 'outbox-to-consumer p99',
      now: w.slowest?.p99Ms,
      target: 250,
      atLeast: false,
      unit: 'ms',
    })),
    {
      workload: `idle, largest subgraph${largest ? ` (${largest[0]})` : ''}`,
      measure: 'resident memory',
      now: largest?.[1],
      target: subgraphIdleRssTarget,
      atLeast: false,
      unit: 'MiB',
    },
    {
      workload: `idle, the npm start runner (the whole stack up${outcome.runnerMemory ? `, ${outcome.runnerMemory.idleSeconds} s idle; private ${outcome.runnerMemory.privateMiB.toFixed(0)} MiB` : ''})`,
      measure: 'resident memory',
      now: outcome.runnerMemory?.rssMiB,
      target: runnerIdleRssTarget,
      atLeast: false,
      unit: 'MiB',
    },
  ];
}

export function targetsSection(outcome: BenchOutcome): string[] {
  const rows = targetRows(outcome).map((r) => {
    const met = r.now === undefined || Number.isNaN(r.now) ? 'not run' : (r.atLeast ? r.now >= r.target : r.now <= r.target) ? 'yes' : 'no';
    return [
      r.workload,
      r.measure,
      r.now === undefined || Number.isNaN(r.now) ? '-' : fixed(r.now, r.unit),
      `${r.atLeast ? '>=' : '<='} ${fixed(r.target, r.unit)}`,
      met,
    ];
  });
  return ['## Against the targets (issue #14)', '', table(['Workload', 'Measure', 'Now', 'Target', 'Met'], rows), '', ...idleMemorySection(outcome)];
}
