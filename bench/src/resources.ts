import type pg from 'pg';
import { coresUsed, type CpuSample } from './cpu.js';

/** CPU per process tree plus PostgreSQL's transaction counter, taken together. */
interface ResourceSample {
  cpu: CpuSample;
  /** Commits + rollbacks in the bench database so far. */
  transactions: number;
}

export interface ResourceUse {
  /** Average cores busy per process group. */
  cores: Record<string, number>;
  /** Database transactions per second: how hard the servers work the database, whatever the cause. */
  transactionsPerSecond: number;
}

export type Sampler = () => Promise<ResourceSample>;

export function createSampler(sampleCpu: () => CpuSample, db: pg.Client): Sampler {
  return async () => {
    const { rows } = await db.query<{ n: string }>('select (xact_commit + xact_rollback)::text as n from pg_stat_database where datname = current_database()');
    return { cpu: sampleCpu(), transactions: Number(rows[0]?.n ?? Number.NaN) };
  };
}

export function resourceUse(from: ResourceSample, to: ResourceSample): ResourceUse {
  const seconds = (to.cpu.at - from.cpu.at) / 1000;
  return { cores: coresUsed(from.cpu, to.cpu), transactionsPerSecond: (to.transactions - from.transactions) / seconds };
}
