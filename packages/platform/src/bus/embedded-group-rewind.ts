import pg from 'pg';
import { applyPlatformMigrations } from '../db/platform-migrations/apply-platform-migrations.js';
import { embeddedBusMigrations, embeddedBusSchema } from './embedded-bus-tables.js';
import { RewindRefused, rewindTarget, type GroupPosition, type GroupRewinder, type RewindRequest } from './group-rewind.js';

interface PositionRow {
  topic: string;
  /** The last sequence number the group handled on the topic (it reads what comes after). */
  position: string | null;
  /** The topic's first message (at or after `since`). */
  first_seq: string | null;
}

/**
 * The embedded bus: the group's rows in `bus.consumer_offset` are moved back
 * while this holds the group's advisory lock, the one a subscription holds as
 * long as it consumes (embedded-bus.ts); if some instance holds it, it is
 * refused, nothing moved. Offsets are the log's sequence numbers, one
 * partition (0) per topic.
 */
export function createEmbeddedGroupRewinder(options: { url: string }): GroupRewinder {
  return {
    async rewind(request: RewindRequest): Promise<GroupPosition[]> {
      await applyPlatformMigrations(options.url, embeddedBusSchema, embeddedBusMigrations);
      const client = new pg.Client({ connectionString: options.url, application_name: `vitrine-replay:${request.groupId}`.slice(0, 63) });
      await client.connect();
      try {
        const { rows } = await client.query<{ locked: boolean }>(`select pg_try_advisory_lock(hashtext($1)) as locked`, [request.groupId]);
        if (!rows[0]!.locked) {
          throw new RewindRefused(
            `consumer group ${request.groupId} is consuming (an instance of its service holds the group's lock): stop the service, every instance of it, then replay`,
          );
        }
        try {
          return await rewindLocked(client, request);
        } finally {
          await client.query(`select pg_advisory_unlock(hashtext($1))`, [request.groupId]);
        }
      } finally {
        await client.end();
      }
    },
    async close() {},
  };
}

async function rewindLocked(client: pg.Client, request: RewindRequest): Promise<GroupPosition[]> {
  const { rows } = await client.query<PositionRow>(
    `select t.topic, o.position::text as position,
            (select min(m.seq) from bus.message m where m.topic = t.topic and ($3::timestamptz is null or m.created_at >= $3))::text as first_seq
       from unnest($1::text[]) with ordinality as t(topic, n)
       left join bus.consumer_offset o on o.group_id = $2 and o.topic = t.topic
      order by t.n`,
    [request.topics, request.groupId, request.since ?? null],
  );
  const positions = rows.map((row): GroupPosition => {
    const consumedUpTo = row.position === null ? null : BigInt(row.position) + 1n;
    const target = rewindTarget(consumedUpTo, row.first_seq === null ? (consumedUpTo ?? 0n) : BigInt(row.first_seq));
    return { topic: row.topic, partition: 0, consumedUpTo: consumedUpTo?.toString() ?? null, rewoundTo: target?.toString() ?? null };
  });
  const moves = positions.filter((p) => p.consumedUpTo !== null && p.rewoundTo !== p.consumedUpTo);
  const undo = await request.prepare(positions);
  try {
    if (moves.length > 0) {
      // The subscription reads the messages after its position: one before the first to read again.
      await client.query(
        `update bus.consumer_offset o set position = x.p from unnest($2::text[], $3::bigint[]) as x(t, p) where o.group_id = $1 and o.topic = x.t`,
        [request.groupId, moves.map((p) => p.topic), moves.map((p) => (BigInt(p.rewoundTo!) - 1n).toString())],
      );
    }
  } catch (err) {
    await undo();
    throw err;
  }
  return positions;
}
