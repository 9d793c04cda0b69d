import type { LoadResult } from './load.js';
import { cpuMsPerResponse, ms, outcomes, rate, ratio, table } from './report-format.js';
import type { HiveComparison, HiveRun } from './workloads/hive-reads.js';

// The report's section for the hive workload: our gateway (Apollo) against Hive Gateway on (a)'s reads (issue #14).

/** Throughput within this share of each other is called a tie: a shared 2-core machine drifts more than that between runs. */
export const tieShare = 0.05;

/** Responses that were not what the query asks for (wrong data, errors, HTTP failures), plus socket errors and timeouts. */
const failures = (r: LoadResult) =>
  Object.entries(r.outcomes)
    .filter(([label]) => label !== 'ok')
    .reduce((sum, [, n]) => sum + n, 0) +
  r.socketErrors +
  r.timeouts;

/**
 * Which gateway is faster on one query, by requests per second at the same connections (latency follows from it
 * under a closed-loop load). A gateway that answered anything wrongly is not compared at all: fast wrong answers are
 * no result.
 */
export function hiveVerdict(c: HiveComparison): string {
  const wrong = [
    ['Apollo gateway', failures(c.apollo)],
    ['Hive Gateway', failures(c.hive)],
  ].filter(([, n]) => (n as number) > 0);
  if (wrong.length > 0) return `${c.name}: not comparable, ${wrong.map(([who, n]) => `${who} had ${n} failed responses`).join(' and ')}`;
  const throughput = c.hive.perSecond / c.apollo.perSecond;
  const figures = `Hive/Apollo req/s ${ratio(throughput)}, p50 ${ratio(c.hive.p50 / c.apollo.p50)}, p99 ${ratio(c.hive.p99 / c.apollo.p99)}`;
  if (Math.abs(throughput - 1) < tieShare) return `${c.name}: a tie within ${tieShare * 100}% (${figures})`;
  return `${c.name}: ${throughput > 1 ? 'Hive Gateway' : 'Apollo gateway'} is faster (${figures})`;
}

const row = (name: string, path: string, r: LoadResult, cpuGroup: string | undefined) => [
  name,
  path,
  rate(r.perSecond),
  ms(r.p50),
  ms(r.p99),
  r.responses,
  outcomes(r),
  `${r.socketErrors} / ${r.timeouts}`,
  cpuGroup ? cpuMsPerResponse(r, cpuGroup) : '-',
];

export function hiveSection(run: HiveRun): string[] {
  const { comparisons } = run;
  const baseline = comparisons.every((c) => c.baseline === 'reads')
    ? "The direct rows are (a)'s, measured just before in this run."
    : '(a) did not run (BENCH_ONLY), so the direct rows were measured here.';
  return [
    '## (a) against Hive Gateway',
    '',
    `(a)'s operations, connections, warm-up, duration and response checks, through Hive Gateway (\`@graphql-hive/gateway-runtime\` ${run.version}, \`bench/src/hive-gateway/\`) instead of our gateway: the same committed supergraph and subgraphs, ${run.workers} worker process${run.workers === 1 ? '' : 'es'} each, the customer's token verified with the same platform verifier (cached per token) and \`authorization\` forwarded to every subgraph, introspection off, no response cache, no merging of identical in-flight subgraph requests (Hive's default, off: ours has none), no usage reporting. Hive Gateway does none of the rest of what ours does per request (query limits, trusted documents, readiness routing, \`x-forwarded-for\`: see gateway/README.md), which favours it a little. After a warm-up of each gateway, the measured time per gateway is split into four runs, Apollo / Hive / Hive / Apollo, and each gateway's are pooled, so drift on a shared machine weighs on both alike. ${baseline} Gateway CPU is the gateway's process tree (primary and workers) per response.`,
    '',
    table(
      ['Query', 'Path', 'req/s', 'p50', 'p99', 'Responses', 'Outcomes', 'Socket errors / timeouts', 'Gateway CPU ms / response'],
      comparisons.flatMap((c) => [
        row(c.name, 'Apollo gateway', c.apollo, 'gateway'),
        row(c.name, 'Hive Gateway', c.hive, 'hive-gateway'),
        row(c.name, `${c.subgraph} direct`, c.direct, undefined),
      ]),
    ),
    '',
    'Ratios (Hive / Apollo below 1 in latency and above 1 in req/s favours Hive Gateway):',
    '',
    table(
      ['Query', 'Hive / Apollo req/s', 'Hive / Apollo p50', 'Hive / Apollo p99', 'Apollo / direct req/s', 'Hive / direct req/s'],
      comparisons.map((c) => [
        c.name,
        ratio(c.hive.perSecond / c.apollo.perSecond),
        ratio(c.hive.p50 / c.apollo.p50),
        ratio(c.hive.p99 / c.apollo.p99),
        ratio(c.apollo.perSecond / c.direct.perSecond),
        ratio(c.hive.perSecond / c.direct.perSecond),
      ]),
    ),
    '',
    `**Verdict:** ${comparisons.map(hiveVerdict).join('; ')}.`,
    '',
  ];
}
