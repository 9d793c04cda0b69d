import type { EntityManager } from '@mikro-orm/postgresql';
import type { IncomingMessage } from '../bus/event-bus.js';
import type { PlatformMigration } from '../db/platform-migrations/platform-migration.js';

/**
 * Where a replay (inbox/replay.ts) moved a consumer group back from, per
 * partition, and which event types it is for. Below that offset the group had
 * consumed everything before: an event of those types is applied again
 * (its handler is an upsert: idempotent), any other is passed over (applied
 * once already, or none of this service's business then), whether or not the
 * inbox still remembers it. From the offset on, the inbox decides as always.
 */
export const inboxReplayTable = 'inbox_replay';

export const inboxReplayMigration: PlatformMigration = {
  name: 'platform/0006-inbox-replay',
  up: (s) => [
    `create table if not exists "${s}"."${inboxReplayTable}" ("group_id" varchar(255) not null, "topic" varchar(255) not null, "partition" int not null, "until_offset" bigint not null, "types" text[] not null, "requested_at" timestamptz not null default now(), primary key ("group_id", "topic", "partition"))`,
  ],
};

export interface ReplayMark {
  /** The first offset the group had not consumed when it was moved back. */
  until: bigint;
  types: ReadonlySet<string>;
}

/** By `topic:partition`. */
export type ReplayMarks = ReadonlyMap<string, ReplayMark>;

/** `normal`: through the inbox; `reapply`: applied again despite it; `skip`: consumed before the replay, not for it. */
export type ReplayVerdict = 'normal' | 'reapply' | 'skip';

export function replayVerdict(marks: ReplayMarks, message: Pick<IncomingMessage, 'topic' | 'partition' | 'offset'>, type: string): ReplayVerdict {
  const mark = marks.get(`${message.topic}:${message.partition}`);
  if (!mark || BigInt(message.offset) >= mark.until) return 'normal';
  return mark.types.has(type) ? 'reapply' : 'skip';
}

/** The group's marks, read when it first gets messages: by then no replay can move it (it has a live member). */
export async function loadReplayMarks(em: EntityManager, schema: string, groupId: string): Promise<ReplayMarks> {
  const rows = await em.execute<{ topic: string; partition: number; until_offset: string; types: string[] }[]>(
    `select topic, partition, until_offset::text as until_offset, types from "${schema}"."${inboxReplayTable}" where group_id = ?`,
    [groupId],
  );
  return new Map(rows.map((r) => [`${r.topic}:${r.partition}`, { until: BigInt(r.until_offset), types: new Set(r.types) }]));
}
