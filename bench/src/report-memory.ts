import { subgraphs } from '@vitrine/gateway/subgraphs';
import type { BenchOutcome } from './report.js';
import { table } from './report-format.js';

/** Issue #14's bound on each subgraph's idle resident memory; the gateway and the runner have none here. */
export const subgraphIdleRssTarget = 100;
/** Its bound on the `npm start` runner's, the whole stack up and idle (`runner-memory.ts`). */
export const runnerIdleRssTarget = 60;

/** A subgraph's server, or its event worker (BENCH_EVENT_WORKERS); not a gateway. */
export const isSubgraphProcess = (server: string) => subgraphs.some(({ name }) => server === name || server === `${name}-worker`);

const mib = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(0));

/**
 * Every server's resident memory at the end of the idle baseline, largest first, each against its
 * target. The private part (RssAnon) is what one more replica would cost; the rest is the node
 * binary's pages, counted in every process's RSS but held once by the machine. Heap figures need the
 * process's own word, which no production server gives without a debug endpoint: bench/README.md
 * (Memory) has them from one-off measurements.
 */
export function idleMemorySection(outcome: Pick<BenchOutcome, 'idleMemory' | 'idlePrivateMemory'>): string[] {
  const rss = outcome.idleMemory;
  if (!rss || Object.keys(rss).length === 0) return [];
  const own = outcome.idlePrivateMemory ?? {};
  const rows = Object.entries(rss)
    .sort((a, b) => b[1] - a[1])
    .map(([server, resident]) => {
      // A gateway is a router, not a subgraph: issue #14 sets it no memory bound.
      const subgraph = isSubgraphProcess(server);
      const target = subgraph ? `<= ${subgraphIdleRssTarget}` : '-';
      const met = subgraph ? (resident <= subgraphIdleRssTarget ? 'yes' : 'no') : '-';
      const privatePart = own[server];
      return [server, mib(resident), mib(privatePart), privatePart === undefined ? '-' : mib(resident - privatePart), target, met];
    });
  return [
    '### Idle memory per server (MiB)',
    '',
    table(['Server', 'Resident (RSS)', 'Private (RssAnon)', 'Shared code pages (RSS - private)', 'Target (RSS)', 'Met'], rows),
    '',
    "Read from /proc at the end of the idle baseline, after set-up; each server's process tree (the gateway with its workers). " +
      "The `npm start` runner is measured apart, with its own whole stack after this one stopped (the targets' last row). Not measured here: heap figures (no server exposes them).",
    '',
  ];
}
