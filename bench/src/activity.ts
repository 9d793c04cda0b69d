import type pg from 'pg';
import { shorten } from './statements.js';

/**
 * What the database connections are doing, sampled: every few tens of
 * milliseconds the busy sessions of pg_stat_activity (who: the pool's
 * application_name; what: the statement; waiting on: its wait event). Counted
 * over a workload, it tells where time goes between services: a consumer whose
 * connection is mostly "idle in transaction" is waiting on its own process,
 * one mostly on a Lock waits on another transaction.
 */
export interface ActivityRow {
  application: string;
  state: string;
  /** `Lock: transactionid`, `IO: WalSync`, `Client: ClientRead`... or `-` when running on CPU. */
  waiting: string;
  query: string;
  /** Samples that saw a session doing exactly this. */
  samples: number;
}

export interface ActivitySampling {
  stop(): Promise<{ samples: number; seconds: number; rows: ActivityRow[] }>;
}

/**
 * `db` should be connected to another database than `database` (e.g. `postgres`): the sampling's own
 * transactions would otherwise count in the figures it explains.
 */
export function sampleActivity(db: pg.Client, database: string, everyMs = 50): ActivitySampling {
  const counts = new Map<string, ActivityRow>();
  let samples = 0;
  let running = true;
  const started = Date.now();
  const loop = (async () => {
    while (running) {
      const { rows } = await db.query<{ application_name: string; state: string; wait_event_type: string | null; wait_event: string | null; query: string }>(
        `select application_name, state, wait_event_type, wait_event, query from pg_stat_activity
          where datname = $1 and pid <> pg_backend_pid() and state is not null and state <> 'idle'`,
        [database],
      );
      samples++;
      for (const row of rows) {
        const entry = {
          application: row.application_name || '(unnamed)',
          state: row.state,
          waiting: row.wait_event_type ? `${row.wait_event_type}: ${row.wait_event}` : '-',
          query: shorten(row.query, 120),
        };
        const key = `${entry.application}\u0000${entry.state}\u0000${entry.waiting}\u0000${entry.query}`;
        const known = counts.get(key);
        if (known) known.samples++;
        else counts.set(key, { ...entry, samples: 1 });
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { samples, seconds: (Date.now() - started) / 1000, rows: [...counts.values()].sort((a, b) => b.samples - a.samples) };
    },
  };
}

/** Busy sessions per application: the average number seen per sample (1.0 = one connection busy all along). */
export function busyByApplication(rows: readonly ActivityRow[], samples: number): { application: string; busy: number; inTransactionIdle: number }[] {
  const by = new Map<string, { busy: number; inTransactionIdle: number }>();
  for (const row of rows) {
    const entry = by.get(row.application) ?? { busy: 0, inTransactionIdle: 0 };
    entry.busy += row.samples;
    if (row.state.startsWith('idle in transaction')) entry.inTransactionIdle += row.samples;
    by.set(row.application, entry);
  }
  return [...by.entries()]
    .map(([application, e]) => ({ application, busy: e.busy / Math.max(1, samples), inTransactionIdle: e.inTransactionIdle / Math.max(1, samples) }))
    .sort((a, b) => b.busy - a.busy);
}
