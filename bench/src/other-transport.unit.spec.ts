import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventLatencySection, type TopicLatency, type WorkloadLatency } from './event-latency.js';
import { otherTransportLatency, parseReportLatency } from './other-transport.js';

const latencies: TopicLatency[] = [
  { topic: 'orders.order.v1', consumer: 'notifications', events: 120, p50Ms: 40.25, p99Ms: 180.5, maxMs: 201 },
  { topic: 'catalog.stock.v1', consumer: 'orders', events: 80, p50Ms: 900, p99Ms: 1590.04, maxMs: 1700 },
];
const byWorkload: WorkloadLatency[] = [
  { workload: '(b) placeOrder', load: '50 connections, each as fast as answered', events: 200, slowest: latencies[1] },
  { workload: '(i) event fan-out', load: 'placeOrder at 20/s, 10 partners’ webhooks', events: 0, slowest: undefined },
];

/** A report as the bench writes it: its settings table, then the event latency section. */
const report = (transport: string, workloads: string, section: string[]) =>
  [
    '| Setting | Value |',
    '| --- | --- |',
    '| Commit | abc1234 |',
    '| Machine speed | 13 ms per 100,000 PBKDF2-SHA256 iterations on one core (lower is faster; compare reports only when close) |',
    `| Event transport | ${transport} |`,
    `| Workloads | ${workloads} |`,
    '',
    ...section,
  ].join('\n');

describe("the other transport's event latencies", () => {
  it('reads back what the report section wrote: each topic, and each workload’s slowest p99', () => {
    const parsed = parseReportLatency('2026-12-07T18-19-09Z.md', report('kafka', 'all but the soak', eventLatencySection(latencies, 'kafka', byWorkload)));

    expect(parsed).toMatchObject({ report: '2026-12-07T18-19-09Z.md', transport: 'kafka', commit: 'abc1234' });
    expect(parsed!.machineSpeed).toBe('13 ms per 100,000 PBKDF2-SHA256 iterations on one core');
    expect(parsed!.latencies).toEqual(latencies.map((l) => ({ ...l, p50Ms: Number(l.p50Ms.toFixed(1)), p99Ms: Number(l.p99Ms.toFixed(1)) })));
    expect([...parsed!.slowestByWorkload]).toEqual([['(b) placeOrder', 1590]]);
  });

  it('prints them beside this run’s rows, a dash where the other run had none, and reads such a report back too', () => {
    const other = parseReportLatency('k.md', report('kafka', 'all but the soak', eventLatencySection(latencies.slice(1), 'kafka', byWorkload.slice(0, 1))))!;
    const section = eventLatencySection(latencies, 'embedded', byWorkload, other);
    const text = section.join('\n');

    expect(text).toContain('`k.md` (commit abc1234');
    expect(section).toContain('| orders.order.v1 | notifications | 120 | 40.3 | 180.5 | 201.0 | - | - |');
    expect(section).toContain('| catalog.stock.v1 | orders | 80 | 900.0 | 1590.0 | 1700.0 | 900.0 | 1590.0 |');
    expect(section.find((line) => line.startsWith('| (b) placeOrder'))).toMatch(/\| 1590\.0 \|$/);
    expect(section.find((line) => line.startsWith('| (i) event fan-out'))).toMatch(/\| - \| - \| - \| - \| - \|$/);
    // A report with the extra columns still parses as its own figures.
    expect(parseReportLatency('e.md', report('embedded', 'all but the soak', section))!.latencies.map((l) => l.p99Ms)).toEqual([180.5, 1590]);
  });

  it('takes the newest whole report on the other transport, never a partial run or one on the same transport', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vitrine-bench-reports-'));
    try {
      const section = eventLatencySection(latencies, 'x', byWorkload);
      await writeFile(join(dir, '2026-12-07T10-00-00Z.md'), report('kafka', 'all but the soak', section));
      await writeFile(join(dir, '2026-12-07T11-00-00Z.md'), report('kafka', 'only listing (BENCH_ONLY)', section));
      await writeFile(join(dir, '2026-12-07T12-00-00Z.md'), report('embedded', 'all but the soak', section));
      await writeFile(join(dir, 'latest.md'), report('kafka', 'all but the soak', section));

      expect((await otherTransportLatency(dir, 'embedded'))?.report).toBe('2026-12-07T10-00-00Z.md');
      expect((await otherTransportLatency(dir, 'kafka'))?.report).toBe('2026-12-07T12-00-00Z.md');
      expect(await otherTransportLatency(join(dir, 'absent'), 'kafka')).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
