import pg from 'pg';
import { RewindRefused, type GroupPosition, type GroupRewinder } from '../bus/group-rewind.js';
import { applyPlatformMigrations } from '../db/platform-migrations/apply-platform-migrations.js';
import { coreTableMigrations } from '../db/platform-migrations/core-tables.js';
import type { EventHandler } from './event-handler.js';
import { inboxReplayTable } from './replay-marks.js';

/**
 * Replaying topics to a service's consumer group, so a projection added later
 * fills from history. The group is moved back (bus/group-rewind.ts) and its
 * replay marks say which event types to apply again below where it was
 * (replay-marks.ts): the inbox alone would not do, as it passes over an event
 * already processed (a handler that changed since then never sees it), and it
 * forgets events after INBOX_RETENTION_DAYS (every other handler would apply
 * those again). Only types whose handlers are idempotent belong in a replay:
 * projections written by upsert.
 */
export interface ReplayOptions {
  rewinder: GroupRewinder;
  /** The service's database (its inbox and replay marks). */
  url: string;
  schema: string;
  groupId: string;
  /** Every handler the service's consumer runs. */
  handlers: readonly EventHandler[];
  topicPrefix?: string;
  /** As contracts name them (without the prefix). */
  topics: readonly string[];
  /** The event types applied again: handled by the service on those topics. */
  types: readonly string[];
  since?: Date;
}

export interface ReplayReport {
  positions: GroupPosition[];
}

/** What is wrong with a replay request, for the operator (empty: it can go ahead). */
export function checkReplay(service: string, handlers: readonly EventHandler[], topics: readonly string[], types: readonly string[]): string[] {
  const consumed: string[] = [...new Set(handlers.map((h) => h.definition.topic))].sort();
  const handledOn = (wanted: readonly string[]) =>
    [...new Set(handlers.filter((h) => wanted.includes(h.definition.topic)).map((h) => h.definition.type))].sort();
  const problems: string[] = [];
  if (topics.length === 0) problems.push(`name the topics to replay (--topics); ${service} consumes ${consumed.join(', ')}`);
  for (const topic of topics) {
    if (!consumed.includes(topic)) problems.push(`${topic}: ${service} consumes no event of this topic (it consumes ${consumed.join(', ')})`);
  }
  const known = handledOn(topics);
  if (types.length === 0) {
    problems.push(
      `name the event types to apply again (--types), only those whose handlers are idempotent (upserts)` +
        (known.length > 0 ? `; on ${topics.join(', ')} ${service} handles ${known.join(', ')}` : ''),
    );
  }
  for (const type of types) {
    if (!known.includes(type))
      problems.push(
        `${type}: not an event ${service} handles on ${topics.join(', ') || 'these topics'}${known.length > 0 ? ` (it handles ${known.join(', ')})` : ''}`,
      );
  }
  return problems;
}

/**
 * Moves the group back on `topics` (to their start, or to `since`) and marks
 * `types` to be applied again; nothing happens (RewindRefused) while the group
 * consumes, nor while an earlier replay of these topics is not done.
 */
export async function replayToConsumer(options: ReplayOptions): Promise<ReplayReport> {
  const { groupId, schema, topicPrefix = '' } = options;
  const problems = checkReplay(groupId, options.handlers, options.topics, options.types);
  if (problems.length > 0) throw new RewindRefused(problems.join('\n'));
  // The marks' table, should the service not have started on this version yet (the usual order: stop, upgrade, replay, start).
  await applyPlatformMigrations(options.url, schema, coreTableMigrations);
  const client = new pg.Client({ connectionString: options.url, application_name: `vitrine-replay:${groupId}`.slice(0, 63) });
  await client.connect();
  try {
    const positions = await options.rewinder.rewind({
      groupId,
      topics: options.topics.map((t) => topicPrefix + t),
      since: options.since,
      prepare: (at) => markReplay(client, schema, groupId, at, options.types),
    });
    return { positions };
  } finally {
    await client.end();
  }
}

interface MarkRow {
  topic: string;
  partition: number;
  until_offset: string;
}

/** Replaces the group's finished marks on these partitions by the new ones; an unfinished one refuses the replay. */
async function markReplay(
  client: pg.Client,
  schema: string,
  groupId: string,
  positions: readonly GroupPosition[],
  types: readonly string[],
): Promise<() => Promise<void>> {
  const table = `"${schema}"."${inboxReplayTable}"`;
  const moved = positions.filter((p) => p.consumedUpTo !== null && p.rewoundTo !== p.consumedUpTo);
  await client.query('begin');
  try {
    const { rows } = await client.query<MarkRow>(
      `select topic, partition, until_offset::text as until_offset from ${table} where group_id = $1 and topic = any($2::text[]) for update`,
      [groupId, [...new Set(positions.map((p) => p.topic))]],
    );
    const at = new Map(positions.map((p) => [`${p.topic}:${p.partition}`, p.consumedUpTo]));
    const unfinished = rows.filter((r) => {
      const consumedUpTo = at.get(`${r.topic}:${r.partition}`);
      return consumedUpTo === null || consumedUpTo === undefined || BigInt(consumedUpTo) < BigInt(r.until_offset);
    });
    if (unfinished.length > 0) {
      const where = unfinished.map(
        (r) => `${r.topic} partition ${r.partition} (at ${at.get(`${r.topic}:${r.partition}`) ?? 'none'}, replay until ${r.until_offset})`,
      );
      throw new RewindRefused(`an earlier replay is not done on ${where.join(', ')}: start the service, let it catch up, then replay again`);
    }
    await client.query(`delete from ${table} where group_id = $1 and topic = any($2::text[])`, [groupId, [...new Set(positions.map((p) => p.topic))]]);
    if (moved.length > 0) {
      await client.query(
        `insert into ${table} (group_id, topic, partition, until_offset, types)
         select $1, t, p, u, $5::text[] from unnest($2::text[], $3::int[], $4::bigint[]) as x(t, p, u)`,
        [groupId, moved.map((p) => p.topic), moved.map((p) => p.partition), moved.map((p) => p.consumedUpTo), [...types]],
      );
    }
    await client.query('commit');
  } catch (err) {
    await client.query('rollback');
    throw err;
  }
  return async () => {
    if (moved.length === 0) return;
    await client.query(`delete from ${table} where group_id = $1 and (topic, partition) in (select * from unnest($2::text[], $3::int[]))`, [
      groupId,
      moved.map((p) => p.topic),
      moved.map((p) => p.partition),
    ]);
  };
}
