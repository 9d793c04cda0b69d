import type pg from 'pg';

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
  /** Commits + rollbacks in the bench database over the window. */
  transactions: number;
  /** Calls of every statement over the window. */
  calls: number;
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

export interface StatementMark {
  at: number;
  transactions: number;
}

/** Starts a window: the counters are reset and the transaction count noted. */
export async function markStatements(db: pg.Client): Promise<StatementMark> {
  await db.query('select pg_stat_statements_reset()');
  return { at: Date.now(), transactions: await transactionCount(db) };
}

export async function readStatements(db: pg.Client, since: StatementMark, limit = 40): Promise<StatementWindow> {
  const transactions = (await transactionCount(db)) - since.transactions;
  const { rows } = await db.query<{ query: string; calls: string; rows: string; total_ms: number; plan_ms: number }>(
    `select s.query, s.calls::text as calls, s.rows::text as rows, s.total_exec_time as total_ms, s.total_plan_time as plan_ms
       from pg_stat_statements s join pg_database d on d.oid = s.dbid
      where d.datname = current_database() and s.query not like '%pg_stat_statements%'
      order by s.calls desc`,
  );
  const all = rows.map((r) => ({ query: shorten(r.query), calls: Number(r.calls), rows: Number(r.rows), totalMs: r.total_ms, planMs: r.plan_ms }));
  return {
    seconds: (Date.now() - since.at) / 1000,
    transactions,
    calls: all.reduce((sum, s) => sum + s.calls, 0),
    top: all.slice(0, limit),
  };
}

async function transactionCount(db: pg.Client): Promise<number> {
  const { rows } = await db.query<{ n: string }>('select (xact_commit + xact_rollback)::text as n from pg_stat_database where datname = current_database()');
  return Number(rows[0]?.n ?? Number.NaN);
}

export function shorten(query: string, max = 160): string {
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
