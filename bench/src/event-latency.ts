import type pg from 'pg';
import type { OtherTransportLatency } from './other-transport.js';

/** One topic as one consuming service saw it. */
export interface TopicLatency {
  topic: string;
  consumer: string;
  events: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * Event latency per topic and consumer, for events written since `since`:
 * from the producer's outbox row (`created_at`, stamped in the transaction of
 * the state change, a moment before it commits) to the consumer's inbox row
 * (`processed_at`, stamped in the transaction of its effect). So it spans the
 * relay, the transport (Kafka or the embedded log) and the consumer's queue,
 * on either transport alike. Every service keeps its schema in the bench's one
 * database, and both tables outlive a run (hours and days of retention).
 */
export async function eventLatencies(db: pg.Client | pg.Pool, since: Date, until?: Date): Promise<TopicLatency[]> {
  const schemasWith = async (table: string) =>
    (await db.query<{ schema: string }>(`select table_schema as schema from information_schema.tables where table_name = $1 order by 1`, [table])).rows.map(
      (r) => r.schema,
    );
  const [producers, consumers] = await Promise.all([schemasWith('outbox_message'), schemasWith('inbox_processed_event')]);
  if (producers.length === 0 || consumers.length === 0) return [];
  const quote = (schema: string) => `"${schema.replaceAll('"', '""')}"`;
  // `until` bounds the events written, not their consumption: a window's events count however late they arrive.
  const before = until ? ' and created_at < $2' : '';
  const produced = producers
    .map((s) => `select event_id, topic, created_at from ${quote(s)}.outbox_message where created_at >= $1${before}`)
    .join(' union all ');
  const consumed = consumers
    .map((s) => `select '${s.replaceAll("'", "''")}' as consumer, event_id, processed_at from ${quote(s)}.inbox_processed_event where processed_at >= $1`)
    .join(' union all ');
  const { rows } = await db.query<{ topic: string; consumer: string; events: number; p50: number; p99: number; max: number }>(
    // An event forwarded onto a public topic (notifications' partners.* copies) keeps its id: the first row is the producer's.
    `with produced as (select distinct on (event_id) event_id, topic, created_at from (${produced}) rows order by event_id, created_at),
          consumed as (${consumed}),
          latency as (select p.topic, c.consumer, extract(epoch from c.processed_at - p.created_at) * 1000 as ms
                        from produced p join consumed c using (event_id))
     select topic, consumer, count(*)::int as events,
            percentile_cont(0.5) within group (order by ms)::float8 as p50,
            percentile_cont(0.99) within group (order by ms)::float8 as p99,
            max(ms)::float8 as max
       from latency group by topic, consumer order by topic, consumer`,
    until ? [since, until] : [since],
  );
  return rows.map((r) => ({ topic: r.topic, consumer: r.consumer, events: r.events, p50Ms: r.p50, p99Ms: r.p99, maxMs: r.max }));
}

/** The slowest topic's p99, the figure held against issue #14's target (undefined: no event consumed). */
export function worstP99(latencies: readonly TopicLatency[]): TopicLatency | undefined {
  return latencies.reduce<TopicLatency | undefined>((worst, l) => (worst === undefined || l.p99Ms > worst.p99Ms ? l : worst), undefined);
}

/** The events written while one workload ran (from its start until its flow settled), and the slowest topic among them. */
export interface WorkloadLatency {
  workload: string;
  /** What load it was: the pace or connections, as the report says it. */
  load: string;
  events: number;
  slowest: TopicLatency | undefined;
}

/** A workload's window: the events written from `from` to `to`, their latency wherever they were consumed. */
export async function workloadLatency(db: pg.Client | pg.Pool, window: { workload: string; load: string; from: Date; to: Date }): Promise<WorkloadLatency> {
  const latencies = await eventLatencies(db, window.from, window.to);
  return { workload: window.workload, load: window.load, events: latencies.reduce((sum, l) => sum + l.events, 0), slowest: worstP99(latencies) };
}

/**
 * The report's section: one row per topic and consumer, then the slowest topic of each write workload's window; with
 * `other`, the other transport's figures from its newest whole report beside each row (a different run: its commit and
 * machine speed are named).
 */
export function eventLatencySection(
  latencies: readonly TopicLatency[],
  transport: string,
  byWorkload: readonly WorkloadLatency[] = [],
  other?: OtherTransportLatency,
): string[] {
  const ms = (n: number) => n.toFixed(1);
  const lines = [
    `## Event latency per topic (${transport} transport)`,
    '',
    "From the producer's outbox row (written with its state change) to the consumer's inbox row (written with its effect), over every event written once every server was up (set-up and every workload, drop day's burst included; not what a service publishes as it starts, which waits for consumers still starting): the relay, the transport and the consumer's queue together.",
    '',
  ];
  if (latencies.length === 0) return [...lines, 'No event was consumed during the run.', ''];
  if (other) {
    lines.push(
      `Beside each row, the ${other.transport} transport's figures from the newest whole report on it, \`${other.report}\` (commit ${other.commit}; machine speed then: ${other.machineSpeed}): the same bench, another run, so compare them only when the two machine speeds are close. A dash: no such row there.`,
      '',
    );
  }
  const otherRow = (l: TopicLatency) => other?.latencies.find((o) => o.topic === l.topic && o.consumer === l.consumer);
  const otherHead = other ? ` ${other.transport} p50 ms | ${other.transport} p99 ms |` : '';
  lines.push(`| Topic | Consumer | Events | p50 ms | p99 ms | max ms |${otherHead}`, `| --- | --- | --- | --- | --- | --- |${other ? ' --- | --- |' : ''}`);
  for (const l of latencies) {
    const o = otherRow(l);
    const beside = other ? ` ${o ? ms(o.p50Ms) : '-'} | ${o ? ms(o.p99Ms) : '-'} |` : '';
    lines.push(`| ${l.topic} | ${l.consumer} | ${l.events} | ${ms(l.p50Ms)} | ${ms(l.p99Ms)} | ${ms(l.maxMs)} |${beside}`);
  }
  lines.push('');
  if (byWorkload.length === 0) return lines;
  lines.push(
    "By workload: the events written while each one ran, until its flow settled, and the slowest topic among them (a consumer that falls behind under a load above what the stack sustains shows here as that load's delay).",
    '',
    `| Workload | Load | Events | Slowest (topic -> consumer) | p50 ms | p99 ms | max ms |${other ? ` ${other.transport}: slowest p99 ms |` : ''}`,
    `| --- | --- | --- | --- | --- | --- | --- |${other ? ' --- |' : ''}`,
  );
  for (const w of byWorkload) {
    const l = w.slowest;
    const slowestThere = other?.slowestByWorkload.get(w.workload);
    const beside = other ? ` ${slowestThere === undefined ? '-' : ms(slowestThere)} |` : '';
    lines.push(
      `| ${w.workload} | ${w.load} | ${w.events} | ${l ? `${l.topic} -> ${l.consumer} | ${ms(l.p50Ms)} | ${ms(l.p99Ms)} | ${ms(l.maxMs)}` : '- | - | - | -'} |${beside}`,
    );
  }
  return [...lines, ''];
}
