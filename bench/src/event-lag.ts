import type pg from 'pg';
import type { EventLag } from './soak-samples.js';

export type LagReader = () => Promise<EventLag>;

/**
 * Reads the event backlog from the database the whole stack shares:
 * - per service, rows of its outbox not yet published (`sent_at` null);
 * - on the embedded transport, per consumer group, messages on the bus log
 *   after the group's committed position. A group commits after the batch's
 *   inbox transaction, so this is "published but not yet applied". Only the
 *   (group, topic) pairs a group has committed once are seen: a group's first
 *   message on a topic is invisible until then.
 * On Kafka the bench has no view of the consumer groups' offsets (they live in
 * the broker), so only the outboxes are read and `consumers` is undefined.
 */
export async function createLagReader(db: pg.Client, transport: 'embedded' | 'kafka'): Promise<LagReader> {
  const { rows } = await db.query<{ schema: string }>(
    `select table_schema as schema from information_schema.tables where table_name = 'outbox_message' order by table_schema`,
  );
  const outboxSql = rows.length
    ? rows.map((r) => `select '${r.schema}' as schema, count(*)::int as n from "${r.schema}".outbox_message where sent_at is null`).join(' union all ')
    : undefined;
  const consumerSql = `select o.group_id, sum(l.n)::int as n from bus.consumer_offset o
                         cross join lateral (select count(*) as n from bus.message m where m.topic = o.topic and m.seq > o.position) l
                        group by o.group_id order by o.group_id`;
  return async () => {
    const outbox: Record<string, number> = {};
    if (outboxSql) for (const r of (await db.query<{ schema: string; n: number }>(outboxSql)).rows) outbox[r.schema] = r.n;
    if (transport === 'kafka') return { outbox, consumers: undefined };
    const consumers: Record<string, number> = {};
    for (const r of (await db.query<{ group_id: string; n: number }>(consumerSql)).rows) consumers[r.group_id] = r.n;
    return { outbox, consumers };
  };
}
