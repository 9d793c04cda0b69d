import { table } from './report-format.js';
import type { StatementWindow } from './statements.js';
import { busyByApplication, type ActivityRow } from './activity.js';

/** What a window of statements is divided by: placeOrder's orders, pay's payments. */
export interface StatementUnit {
  /** The section's heading: "an order's", "a payment's". */
  whose: string;
  /** Singular, in "per order". */
  unit: string;
  /** Where the window starts: "the first placeOrder". */
  from: string;
}

export const perOrder: StatementUnit = { whose: "an order's", unit: 'order', from: 'the first placeOrder' };
export const perPayment: StatementUnit = { whose: "a payment's", unit: 'payment', from: 'the first measured pay (after the warm-up and its consumers)' };

/**
 * Where a workload's database transactions go: every statement PostgreSQL ran
 * from its first request until the consumers were quiet, per unit of work
 * (order placed, payment made). The idle polling of the window is in it (its
 * rate is in the idle row of the CPU table), so a statement that runs per
 * poll, not per unit, shows as such.
 */
export function statementsSection(
  window: StatementWindow,
  count: number,
  idleTransactionsPerSecond: number | undefined,
  of: StatementUnit = perOrder,
): string[] {
  if (count === 0) return [];
  const per = (n: number) => (n / count).toFixed(2);
  const idle = idleTransactionsPerSecond === undefined ? undefined : idleTransactionsPerSecond * window.transactionSeconds;
  const lateWait = window.transactionSeconds - window.seconds;
  const howCounted =
    lateWait > 1
      ? `pg_stat_database, read ${lateWait.toFixed(0)} s after the quiet, once every backend that runs statements had reported them, and from a start as long after the work before; so over ${window.transactionSeconds.toFixed(1)} s; not in it: the notification reads of the connections that only listen, which report none (bench/README.md)`
      : 'pg_stat_database, whose counts arrive up to ten seconds late, so approximate over a window this short';
  const lines = [
    `### Where ${of.whose} database work goes (pg_stat_statements)`,
    '',
    `From ${of.from} until every consumer was quiet again and no timer was due (${window.seconds.toFixed(1)} s): ${window.writeTransactions} transactions that wrote (${per(
      window.writeTransactions,
    )} per ${of.unit} over ${count} ${of.unit}s; transaction ids handed out, exact); ${window.transactions} transactions in all (${per(
      window.transactions,
    )} per ${of.unit}; ${howCounted})${
      idle === undefined ? '' : `, of which about ${Math.round(idle)} (${per(idle)} per ${of.unit}) is what the stack does idle over as long a window`
    }; ${window.calls} statements (${per(window.calls)} per ${of.unit})${evictedNote(window)}. The most frequent:`,
    '',
    table(
      ['Statement', `Calls per ${of.unit}`, `Rows per ${of.unit}`, `ms per ${of.unit}`, 'of which planning'],
      window.top.map((s) => [
        `\`${s.query.replace(/`/g, "'")}\``,
        per(s.calls),
        per(s.rows),
        ((s.totalMs + s.planMs) / count).toFixed(3),
        (s.planMs / count).toFixed(3),
      ]),
    ),
    '',
  ];
  return lines;
}

/** Said when pg_stat_statements dropped entries over the window: the statement count is then short of the truth. */
function evictedNote(window: StatementWindow): string {
  return window.evicted > 0 ? ` (at least: pg_stat_statements dropped ${window.evicted} times an entry to make room, with its calls)` : '';
}

/** The sampled sessions: who was busy on the database and on what, from placeOrder's first request until quiet. */
export function activitySection(activity: { samples: number; seconds: number; rows: readonly ActivityRow[] }, limit = 30): string[] {
  if (activity.samples === 0) return [];
  const share = (n: number) => (n / activity.samples).toFixed(2);
  return [
    '### Who keeps the database busy (pg_stat_activity, sampled)',
    '',
    `${activity.samples} samples over ${activity.seconds.toFixed(1)} s. Busy sessions per connection pool, on average (1.00 = one connection busy all along; "idle in transaction" = holding a transaction open while its process works or waits):`,
    '',
    table(
      ['Pool (application_name)', 'Busy sessions', 'of which idle in transaction'],
      busyByApplication(activity.rows, activity.samples).map((a) => [a.application, a.busy.toFixed(2), a.inTransactionIdle.toFixed(2)]),
    ),
    '',
    'The most frequent (pool, state, wait, statement):',
    '',
    table(
      ['Pool', 'State', 'Waiting on', 'Statement', 'Sessions on average'],
      activity.rows.slice(0, limit).map((r) => [r.application, r.state, r.waiting, `\`${r.query.replace(/`/g, "'")}\``, share(r.samples)]),
    ),
    '',
  ];
}

/** What the stack runs with no load at all: the polling and probing every other figure competes with. */
export function idleStatementsSection(window: StatementWindow): string[] {
  if (window.seconds <= 0) return [];
  const perSecond = (n: number) => (n / window.seconds).toFixed(2);
  return [
    '### What the idle stack runs (pg_stat_statements)',
    '',
    `${window.seconds.toFixed(1)} s with no load: ${window.transactions} transactions (${perSecond(window.transactions)}/s), ${window.calls} statements (${perSecond(window.calls)}/s)${evictedNote(window)}. The most frequent:`,
    '',
    table(
      ['Statement', 'Calls/s', 'Rows/s'],
      window.top.map((s) => [`\`${s.query.replace(/`/g, "'")}\``, perSecond(s.calls), perSecond(s.rows)]),
    ),
    '',
  ];
}
