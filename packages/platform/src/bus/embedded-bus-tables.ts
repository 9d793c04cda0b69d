import type pg from 'pg';

export const embeddedBusChannel = 'vitrine_bus';

/** The bus is transport infrastructure, not a service's data, so it creates its own tables. */
export async function ensureEmbeddedBusTables(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    // Several services start at once: serialise the DDL.
    await client.query(`select pg_advisory_lock(hashtext('vitrine_bus_ddl'))`);
    await client.query(`create schema if not exists bus`);
    await client.query(`create table if not exists bus.message (
      seq bigserial primary key,
      topic text not null,
      key text,
      value text not null,
      headers jsonb not null default '{}',
      created_at timestamptz not null default now())`);
    await client.query(`create index if not exists message_topic_seq on bus.message (topic, seq)`);
    await client.query(`create table if not exists bus.consumer_offset (
      group_id text not null,
      topic text not null,
      position bigint not null,
      primary key (group_id, topic))`);
  } finally {
    await client.query(`select pg_advisory_unlock(hashtext('vitrine_bus_ddl'))`).catch(() => undefined);
    client.release();
  }
}
