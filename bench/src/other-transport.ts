import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TopicLatency } from './event-latency.js';

/**
 * The event latencies of the newest whole-bench report on the other transport, to print next to this run's: issue #14
 * asks for Kafka's per-topic figures beside the embedded transport's, and one run has one transport (the stack starts
 * on it). Read back from the report's own tables (this bench wrote them: `eventLatencySection`), so no second format.
 */
export interface OtherTransportLatency {
  /** The report's file name, e.g. `2026-12-07T18-19-09Z.md`. */
  report: string;
  transport: string;
  commit: string;
  /** Its calibration figure, without the report's advice after it (the machine's speed then). */
  machineSpeed: string;
  latencies: TopicLatency[];
  /** Per write workload, the slowest topic's p99 (ms) in its window. */
  slowestByWorkload: Map<string, number>;
}

/** Newest first: report names are ISO times. Partial runs (BENCH_ONLY) are skipped: their windows are not the same. */
export async function otherTransportLatency(reportDir: string, transport: string): Promise<OtherTransportLatency | undefined> {
  const names = (await readdir(reportDir).catch(() => [] as string[]))
    .filter((name) => /^\d{4}-\d\d-\d\dT[\d-]+Z\.md$/.test(name))
    .sort()
    .reverse();
  for (const name of names) {
    const found = parseReportLatency(name, await readFile(join(reportDir, name), 'utf8'));
    if (found && found.transport !== transport) return found;
  }
  return undefined;
}

/** A report's transport, settings and event latency tables; undefined for a partial run or one without events. */
export function parseReportLatency(report: string, markdown: string): OtherTransportLatency | undefined {
  const lines = markdown.split('\n');
  const setting = (name: string) =>
    lines
      .find((line) => line.startsWith(`| ${name} |`))
      ?.split('|')[2]
      ?.trim();
  const transport = setting('Event transport');
  const workloads = setting('Workloads');
  if (!transport || !workloads?.startsWith('all')) return undefined;
  const latencies = rowsAfter(lines, '| Topic | Consumer | Events | p50 ms | p99 ms | max ms |').map(([topic, consumer, events, p50, p99, max]) => ({
    topic: topic!,
    consumer: consumer!,
    events: Number(events),
    p50Ms: Number(p50),
    p99Ms: Number(p99),
    maxMs: Number(max),
  }));
  if (latencies.length === 0) return undefined;
  const slowestByWorkload = new Map(
    rowsAfter(lines, '| Workload | Load | Events | Slowest (topic -> consumer) | p50 ms | p99 ms | max ms |')
      .filter((cells) => cells[5] !== '-')
      .map((cells) => [cells[0]!, Number(cells[5])] as const),
  );
  return {
    report,
    transport,
    commit: setting('Commit') ?? 'unknown',
    machineSpeed: setting('Machine speed')?.replace(/ \(.*$/, '') ?? 'unknown',
    latencies,
    slowestByWorkload,
  };
}

/** The cells of a table's body rows, under the header line that starts so (the separator line skipped). */
function rowsAfter(lines: readonly string[], header: string): string[][] {
  const start = lines.findIndex((line) => line.startsWith(header));
  if (start < 0) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}
