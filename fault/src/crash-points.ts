import { appliedEvents, ownEvents, type Figure } from './audit.js';
import type { Queryable } from './db.js';
import type { Crash } from './stack.js';

// What proves a crash point's fault: the process died there (SIGKILL, its crash line), the work it had done but not
// acknowledged was done again by the next start (a batch published again, messages delivered again), and that second
// time had no second effect. Outbox and inbox rows are matched by event id across every service's schema.

export function diedThere(name: string, crash: Crash, point: string): Figure {
  const line = crash.line;
  return {
    check: `${name} died at its crash point ${point} (SIGKILL it sent itself, its last line on stderr)`,
    value: `${crash.signal ?? `exit code ${crash.exitCode}`}, ${line ? `at ${line.crashPoint}, reached ${line.reached} times` : 'no crash line'}; started again without it, ready in ${(crash.readyInMs / 1000).toFixed(1)} s`,
    ok: crash.signal === 'SIGKILL' && line?.crashPoint === point,
  };
}

/** The relay's batch when it died: read while it is down, before anything could publish or mark it again. */
export async function unmarkedAtDeath(db: Queryable, schema: string, crash: Crash): Promise<number> {
  const seqs = (crash.line?.seqs as string[] | undefined) ?? [];
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from "${schema}".outbox_message where seq = any($1::bigint[]) and sent_at is null`,
    [seqs],
  );
  return rows[0]!.n;
}

/**
 * A relay killed between publishing a batch and marking it sent: the batch was
 * unmarked when it died, yet consumers had applied some of its events (so it
 * was in Kafka); the restarted relay published it again and marked it; every
 * consumer applied each of its events once.
 */
export async function relayCrashFigures(db: Queryable, schema: string, crash: Crash, unmarked: number): Promise<Figure[]> {
  const seqs = (crash.line?.seqs as string[] | undefined) ?? [];
  const batch = (
    await db.query<{ rows: number; resent: number; events_applied: number; applied_before_resend: number; inbox_rows: number; twice: number }>(
      `with batch as (select event_id, sent_at from "${schema}".outbox_message where seq = any($1::bigint[])),
            applied as (${appliedEvents})
       select (select count(*) from batch)::int as rows,
              (select count(*) from batch where sent_at > $2)::int as resent,
              (select count(distinct a.event_id) from batch b join applied a using (event_id))::int as events_applied,
              (select count(distinct a.event_id) from batch b join applied a using (event_id) where a.processed_at < b.sent_at)::int as applied_before_resend,
              (select count(*) from batch b join applied a using (event_id))::int as inbox_rows,
              (select count(*) from (select a.consumer, a.event_id from batch b join applied a using (event_id) group by 1, 2 having count(*) > 1) d)::int as twice`,
      [seqs, crash.diedAt],
    )
  ).rows[0]!;
  return [
    {
      check: 'its batch, published: unmarked (sent_at null) when it died',
      value: `${unmarked} of ${seqs.length} rows (seq ${seqs[0]}..${seqs.at(-1)})`,
      ok: seqs.length > 0 && unmarked === seqs.length,
    },
    {
      // The restarted relay stamps sent_at when it claims the batch again, before it publishes it: an event applied
      // before that came from the publish the crash cut short.
      check: "its batch's events consumers had applied before the restarted relay sent it again (so it was in Kafka)",
      value: `${batch.applied_before_resend} of ${batch.events_applied} applied events`,
      ok: batch.applied_before_resend > 0,
    },
    {
      check: 'its batch published again and marked by the restarted relay (republished rows)',
      value: `${batch.resent} of ${batch.rows}`,
      ok: batch.rows === seqs.length && batch.resent === batch.rows,
    },
    {
      check: "its batch's events in consumers' inboxes: each once per consumer (the second copy skipped)",
      value: `${batch.inbox_rows} inbox rows for ${batch.events_applied} events, ${batch.twice} twice`,
      ok: batch.twice === 0 && batch.inbox_rows >= batch.events_applied,
    },
  ];
}

interface CrashedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  eventId: string | null;
}

const crashedMessages = (crash: Crash) => (crash.line?.messages as CrashedMessage[] | undefined) ?? [];

/** The consumer's batch when it died: in its inbox already (the effect committed), read while it is down. */
export async function appliedAtDeath(db: Queryable, schema: string, crash: Crash): Promise<number> {
  const ids = crashedMessages(crash).flatMap((m) => (m.eventId ? [m.eventId] : []));
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from "${schema}".inbox_processed_event where event_id = any($1::uuid[])`, [ids]);
  return rows[0]!.n;
}

/** Partitions of the platform's topics (KafkaBus creates them with 3); the crashed messages' own partitions check it. */
const topicPartitions = 3;

/**
 * The partition @platformatic/kafka's producer sends a keyed message to: Kafka's murmur2 of the key (the Java
 * client's, seed 0x9747b28c), read unsigned, modulo the topic's partitions.
 */
export function partitionOf(key: string, partitions = topicPartitions): number {
  const data = Buffer.from(key);
  const m = 0x5bd1e995;
  let h = 0x9747b28c ^ data.length;
  let i = 0;
  for (; i + 4 <= data.length; i += 4) {
    let k = Math.imul(data.readInt32LE(i), m);
    k ^= k >>> 24;
    h = Math.imul(h, m) ^ Math.imul(k, m);
  }
  if (i < data.length) {
    for (let j = data.length - 1; j >= i; j--) h ^= data[j]! << (8 * (j - i));
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return (h >>> 0) % partitions;
}

/**
 * A consumer killed after its effect, before its offsets were committed: the
 * messages were applied when it died; the restarted consumer read their
 * partitions again from before them (it applied messages published after
 * them on the same partitions), so they were delivered again, and their inbox
 * rows are still the first ones: no second effect.
 */
export async function consumerCrashFigures(db: Queryable, schema: string, crash: Crash, appliedWhenDied: number): Promise<Figure[]> {
  const messages = crashedMessages(crash);
  const ids = messages.flatMap((m) => (m.eventId ? [m.eventId] : []));
  const kept = (
    await db.query<{ n: number }>(`select count(*)::int as n from "${schema}".inbox_processed_event where event_id = any($1::uuid[]) and processed_at < $2`, [
      ids,
      crash.diedAt,
    ])
  ).rows[0]!.n;
  // Where each crashed message was in its producer's publishing order, and what the restarted consumer applied on those topics.
  type Published = { event_id: string; producer: string; topic: string; key: string; sent_at: Date; seq: string };
  const crashed = (await db.query<Published>(`select * from (${ownEvents}) e where event_id = any($1::uuid[])`, [ids])).rows;
  const appliedSince = (
    await db.query<Published>(
      `select e.* from (${ownEvents}) e join "${schema}".inbox_processed_event i using (event_id)
        where e.topic = any($1::text[]) and i.processed_at >= $2 and not e.event_id = any($3::uuid[])`,
      [[...new Set(crashed.map((c) => c.topic))], crash.restartedAt, ids],
    )
  ).rows;
  const publishedAfter = (a: Published, b: Published) =>
    a.sent_at > b.sent_at || (a.sent_at.getTime() === b.sent_at.getTime() && BigInt(a.seq) > BigInt(b.seq));
  const partitionMatches = messages.filter((m) => m.key !== null && partitionOf(m.key) === m.partition).length;
  const partitions = [...new Set(messages.map((m) => `${m.topic}[${m.partition}]`))];
  const readPast = partitions.filter((where) =>
    crashed.some(
      (c) =>
        `${c.topic}[${partitionOf(c.key)}]` === where &&
        appliedSince.some(
          (later) => later.producer === c.producer && later.topic === c.topic && partitionOf(later.key) === partitionOf(c.key) && publishedAfter(later, c),
        ),
    ),
  );
  const where = [...new Set(messages.map((m) => `${m.topic}[${m.partition}]@${m.offset}`))].join(', ');
  return [
    {
      check: 'its messages, applied: in its inbox when it died (effect committed, offsets not)',
      value: `${appliedWhenDied} of ${ids.length} (${where})`,
      ok: ids.length > 0 && appliedWhenDied === ids.length,
    },
    {
      // Each partition is read in order from its last committed offset: a message published after the crashed ones on
      // the same partition, applied after the restart, means the restarted consumer was given the crashed ones again.
      check: "crashed messages' partitions on which the restarted consumer applied a later message (so it read them again)",
      value: `${readPast.length} of ${partitions.length} (${partitions.join(', ')}); keys' partitions as the producer computes them: ${partitionMatches} of ${messages.length} match; ${messages.length} messages delivered again`,
      ok: partitionMatches === messages.length && readPast.length === partitions.length && partitions.length > 0,
    },
    {
      check: 'redelivered messages applied again (their inbox rows are still those from before the crash)',
      value: `${ids.length - kept} (${kept} of ${ids.length} unchanged)`,
      ok: kept === ids.length,
    },
  ];
}
