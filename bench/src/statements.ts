import type pg from 'pg';
import { sleep } from './util.js';

/**
 * Where a workload's database work goes, statement by statement, from
 * pg_stat_statements (preloaded into the bench's own PostgreSQL): which
 * services' queries make up the transactions an order costs. Autocommit
 * statements are transactions of their own; BEGIN/COMMIT pairs frame the rest.
 */
export interface StatementUse {
  /** The normalised statement, whitespace collapsed, cut to a readable length. */
  query: string;
  calls: number;
  /** Rows the calls returned or changed (an insert ... on conflict do nothing that found its row: 0). */
  rows: number;
  totalMs: number;
  /** Time spent planning it (pg_stat_statements.track_planning; 0 without it). Not in totalMs, which is execution. */
  planMs: number;
}

export interface StatementWindow {
  seconds: number;
  /**
   * Commits + rollbacks in the bench database over the window (pg_stat_database). A backend reports its counts at
   * most once a second, and an idle one about ten seconds after its last transaction: read at the window's end, this
   * takes in some of the work before it and misses some at its end; read `lateCountsMs` after a window that began as
   * long after the work before it (`awaitLateCounts`), it is every transaction of the window and of that wait.
   */
  transactions: number;
  /** Seconds `transactions` covers: the window, and the wait for its late counts when there was one. */
  transactionSeconds: number;
  /**
   * Transactions that wrote over the window, exactly: the transaction ids the server handed out (one per
   * transaction at its first write, and one per savepoint that wrote; the whole server, which is the bench's).
   */
  writeTransactions: number;
  /** Calls of every statement over the window. */
  calls: number;
  /**
   * Entries pg_stat_statements dropped over the window to make room (its table is full: each batch size of an
   * insert's VALUES list is a statement of its own). Their calls are missing from `calls`, not from `transactions`.
   */
  evicted: number;
  top: StatementUse[];
}

/** Whether statement statistics are available (the extension needs the server's preload). */
export async function enableStatementStats(db: pg.Client): Promise<boolean> {
  try {
    await db.query('create extension if not exists pg_stat_statements');
    await db.query('select pg_stat_statements_reset()');
    return true;
  } catch {
    return false;
  }
}

/**
 * How long until every backend has reported its transactions to pg_stat_database: a busy one holds its counts up to
 * a second, an idle one reports them ten seconds after its last transaction (PostgreSQL's pgstat flush intervals).
 */
export const lateCountsMs = 11_000;

export interface StatementMark {
  at: number;
  transactions: number;
  nextXid: number;
}

/** Starts a window: the counters are reset and the transaction count noted. */
export async function markStatements(db: pg.Client): Promise<StatementMark> {
  await db.query('select pg_stat_statements_reset()');
  return { at: Date.now(), transactions: await transactionCount(db), nextXid: await nextTransactionId(db) };
}

/**
 * Ends a window: statements and transaction ids now; with `awaitLateCounts`, the transaction count `lateCountsMs`
 * later, once every backend has reported the window's transactions (the wait's idle work comes with them).
 */
export async function readStatements(
  db: pg.Client,
  since: StatementMark,
  options: { limit?: number; awaitLateCounts?: boolean } = {},
): Promise<StatementWindow> {
  const { limit = 40, awaitLateCounts = false } = options;
  const seconds = (Date.now() - since.at) / 1000;
  const writeTransactions = (await nextTransactionId(db)) - since.nextXid;
  const { rows } = await db.query<{ query: string; calls: string; rows: string; total_ms: number; plan_ms: number }>(
    `select s.query, s.calls::text as calls, s.rows::text as rows, s.total_exec_time as total_ms, s.total_plan_time as plan_ms
       from pg_stat_statements s join pg_database d on d.oid = s.dbid
      where d.datname = current_database() and s.query not like '%pg_stat_statements%'
      order by s.calls desc`,
  );
  const evicted = await evictions(db);
  const all = rows.map((r) => ({ query: shorten(r.query), calls: Number(r.calls), rows: Number(r.rows), totalMs: r.total_ms, planMs: r.plan_ms }));
  if (awaitLateCounts) await sleep(lateCountsMs);
  const transactions = (await transactionCount(db)) - since.transactions;
  return {
    seconds,
    transactions,
    transactionSeconds: (Date.now() - since.at) / 1000,
    writeTransactions,
    calls: all.reduce((sum, s) => sum + s.calls, 0),
    evicted,
    top: all.slice(0, limit),
  };
}

/** Evictions since the last reset (`pg_stat_statements_reset()` with no arguments resets this too). */
async function evictions(db: pg.Client): Promise<number> {
  const { rows } = await db.query<{ n: string }>('select dealloc::text as n from pg_stat_statements_info');
  return Number(rows[0]?.n ?? 0);
}

/** The id the next writing transaction will get; reading it assigns none (unlike `pg_current_xact_id()`). */
async function nextTransactionId(db: pg.Client): Promise<number> {
  const { rows } = await db.query<{ n: string }>('select pg_snapshot_xmax(pg_current_snapshot())::text as n');
  return Number(rows[0]?.n ?? Number.NaN);
}

async function transactionCount(db: pg.Client): Promise<number> {
  const { rows } = await db.query<{ n: string }>('select (xact_commit + xact_rollback)::text as n from pg_stat_database where datname = current_database()');
  return Number(rows[0]?.n ?? Number.NaN);
}

export function shorten(query: string, max = 160): string {
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
