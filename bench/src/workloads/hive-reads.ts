import { createRequire } from 'node:module';
import type { BenchConfig } from '../config.js';
import { alternately, type LoadResult } from '../load.js';
import type { Sampler } from '../resources.js';
import type { Seed } from '../seed.js';
import type { BenchStack } from '../stack.js';
import { measureRead, readPairs, type ReadComparison } from './federated-reads.js';

/** One of (a)'s operations through our gateway (Apollo), through Hive Gateway and straight at the owning subgraph. */
export interface HiveComparison {
  name: string;
  subgraph: 'catalog' | 'orders';
  apollo: LoadResult;
  hive: LoadResult;
  direct: LoadResult;
  /** `reads`: the direct figures are (a)'s of the same run; `own`: (a) did not run, so this workload measured them. */
  baseline: 'reads' | 'own';
}

export interface HiveRun {
  /** @graphql-hive/gateway-runtime's version, as installed. */
  version: string;
  /** Processes of each gateway (GATEWAY_WORKERS for both). */
  workers: number;
  comparisons: HiveComparison[];
}

const hiveVersion = () => (createRequire(import.meta.url)('@graphql-hive/gateway-runtime/package.json') as { version: string }).version;

/**
 * (a)'s operations, connections, warm-up and response checks, through our gateway and through Hive Gateway. After a
 * warm-up of each, the read duration per gateway is split into four runs, Apollo / Hive / Hive / Apollo, and each
 * gateway's runs are pooled: on a shared machine whose speed drifts within minutes, both weigh the same drift. The
 * direct side is (a)'s; with `BENCH_ONLY` leaving (a) out it is measured here first.
 */
export async function runHiveReads(config: BenchConfig, stack: BenchStack, seed: Seed, sample: Sampler, reads: ReadComparison[] | undefined): Promise<HiveRun> {
  const hiveUrl = stack.urls.hive;
  if (!hiveUrl) throw new Error('the hive workload needs the Hive Gateway, which the stack did not start');
  const comparisons: HiveComparison[] = [];
  const half = config.readSeconds / 2;
  for (const pair of readPairs(stack, seed)) {
    const fromReads = reads?.find((r) => r.name === pair.name)?.direct.result;
    const direct = fromReads ?? (await measureRead(config, stack, sample, pair, 'direct')).result;
    const apolloRun = (warmup: boolean) =>
      measureRead(config, stack, sample, pair, 'gateway', { warmup, seconds: half, label: `${pair.name} via our gateway (${half} s)` });
    const hiveRun = (warmup: boolean) =>
      measureRead(config, stack, sample, pair, 'gateway', { url: hiveUrl, warmup, seconds: half, label: `${pair.name} via Hive Gateway (${half} s)` });
    const [{ result: apollo }, { result: hive }] = await alternately(apolloRun, hiveRun);
    console.log(
      `[bench]   Hive/Apollo: req/s x${(hive.perSecond / apollo.perSecond).toFixed(2)}, p50 x${(hive.p50 / apollo.p50).toFixed(2)}, p99 x${(hive.p99 / apollo.p99).toFixed(2)}`,
    );
    comparisons.push({ name: pair.name, subgraph: pair.subgraph, apollo, hive, direct, baseline: fromReads ? 'reads' : 'own' });
  }
  return { version: hiveVersion(), workers: config.gatewayWorkers, comparisons };
}
