// @vitrine/testing is resolved through the workspace (declaring it would make a cycle: testing depends on platform).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, eventually } from '@vitrine/testing';
import { applyPlatformMigrations } from '../db/platform-migrations/apply-platform-migrations.js';
import { coreTableMigrations } from '../db/platform-migrations/core-tables.js';
import { createLogger } from '../logging/logger.js';
import { createEmbeddedBus } from './embedded-bus.js';
import type { EventBus, IncomingMessage, OutboxSource } from './event-bus.js';
import { topicChannel, topicChannelSql } from './topic-channel.js';

// The outbox relay's round on a log in the service's own database: one statement claims, appends, stamps and notifies.

let url: string;
let db: pg.Pool;
const logger = createLogger('embedded-outbox-relay-test', 'silent');
const buses: EventBus[] = [];

beforeAll(async () => {
  url = await createTestDatabase('embedded_outbox_relay');
  db = new pg.Pool({ connectionString: url, max: 4 });
});
afterAll(async () => {
  await Promise.all(buses.map((b) => b.close()));
  await db?.end();
});

/** A bus on the service's own database, polling once a minute: only a notification wakes its subscriptions in time. */
async function busInServiceDatabase(): Promise<EventBus> {
  const bus = await createEmbeddedBus({ url, logger, pollMs: 60_000, inServiceDatabase: true });
  buses.push(bus);
  return bus;
}

async function serviceSchema(name: string): Promise<OutboxSource> {
  await applyPlatformMigrations(url, name, coreTableMigrations);
  return { schema: name, topicPrefix: `${name}.`, limit: 200, lockName: `${name}.outbox_relay` };
}

interface Staged {
  eventId: string;
  topic: string;
  key: string;
  envelope: { id: string; type: string; data: Record<string, unknown> };
  headers: Record<string, string>;
}

/** Stages events as a use case's transaction would (one row per event, in this order). */
async function stage(schema: string, events: { topic: string; key: string; sent?: boolean }[]): Promise<Staged[]> {
  const staged: Staged[] = [];
  for (const [i, e] of events.entries()) {
    const eventId = randomUUID();
    const row: Staged = {
      eventId,
      topic: e.topic,
      key: e.key,
      envelope: { id: eventId, type: 'test.thing.happened', data: { n: i, text: 'Lumière "quoted"', nested: { list: [1, 2] } } },
      headers: { 'x-request-id': `req-${i}` },
    };
    await db.query(
      `insert into "${schema}".outbox_message (event_id, topic, key, type, envelope, headers, created_at, sent_at)
       values ($1, $2, $3, $4, $5, $6, now(), ${e.sent ? 'now()' : 'null'})`,
      [eventId, e.topic, e.key, row.envelope.type, JSON.stringify(row.envelope), JSON.stringify(row.headers)],
    );
    staged.push(row);
  }
  return staged;
}

const logOf = async (topic: string) =>
  (
    await db.query<{ seq: string; key: string; value: string; headers: Record<string, string> }>(
      `select seq, key, value, headers from bus.message where topic = $1 order by seq`,
      [topic],
    )
  ).rows;
const unsent = async (schema: string) =>
  Number((await db.query<{ n: string }>(`select count(*) as n from "${schema}".outbox_message where sent_at is null`)).rows[0]!.n);
const until = (check: () => boolean | Promise<boolean>) => eventually(check, { timeoutMs: 10_000, intervalMs: 20 });

describe('the outbox relay on a log in its own database (embedded bus)', () => {
  it('is offered only where the log is in the service database', async () => {
    const apart = await createEmbeddedBus({ url, logger });
    buses.push(apart);
    expect(apart.relayOutbox).toBeUndefined();
    expect((await busInServiceDatabase()).relayOutbox).toBeTypeOf('function');
  });

  it('names channels in SQL exactly as subscriptions listen to them', async () => {
    const topics = ['orders.order.v1', 'a-prefix-0f3c.catalog.stock.v1', 'Lumière', ''];
    const { rows } = await db.query<{ channel: string }>(
      `select ${topicChannelSql('t')} as channel from unnest($1::text[]) with ordinality as x(t, i) order by i`,
      [topics],
    );
    expect(rows.map((r) => r.channel)).toEqual(topics.map(topicChannel));
  });

  it('moves unsent rows into the log in outbox order, stamps them sent, and wakes the subscriptions of their topics', async () => {
    const source = await serviceSchema('relay_order');
    const bus = await busInServiceDatabase();
    const staged = await stage(source.schema, [
      { topic: 'already.v1', key: 'k0', sent: true },
      { topic: 'things.v1', key: 'a' },
      { topic: 'others.v1', key: 'b' },
      { topic: 'things.v1', key: 'a' },
      { topic: 'things.v1', key: 'c' },
      { topic: 'others.v1', key: 'b' },
    ]);
    const received: IncomingMessage[] = [];
    const sub = await bus.subscribe({ groupId: 'g-relay-order', topics: ['relay_order.things.v1'], handle: async (m) => void received.push(m) });
    // Its first poll found nothing; with a minute between polls, only the relay's notification can wake it.
    await until(
      async () =>
        (
          await db.query(
            `select 1 from pg_stat_activity where application_name = 'vitrine-bus:g-relay-order' and state = 'idle' and query like 'with handled as%'`,
          )
        ).rowCount === 1,
    );

    expect(await bus.relayOutbox!({ ...source, limit: 3 })).toBe(3);
    expect(await bus.relayOutbox!({ ...source, limit: 3 })).toBe(2);
    expect(await bus.relayOutbox!({ ...source, limit: 3 })).toBe(0);
    expect(await unsent(source.schema)).toBe(0);

    const things = staged.filter((s) => s.topic === 'things.v1');
    await until(() => received.length === things.length);
    expect(received.map((m) => JSON.parse(m.value))).toEqual(things.map((s) => s.envelope));
    expect(received.map((m) => m.headers)).toEqual(things.map((s) => s.headers));
    expect(received.map((m) => m.key)).toEqual(things.map((s) => s.key));
    // Across topics too, the log holds them in outbox order; a row already sent is not sent again.
    const log = [...(await logOf('relay_order.things.v1')), ...(await logOf('relay_order.others.v1'))].sort((x, y) => Number(x.seq) - Number(y.seq));
    expect(log.map((m) => (JSON.parse(m.value) as { id: string }).id)).toEqual(staged.slice(1).map((s) => s.eventId));
    expect(await logOf('relay_order.already.v1')).toEqual([]);
    await sub.stop();
  });

  it('moves nothing while another relay of the service holds its lock', async () => {
    const source = await serviceSchema('relay_locked');
    const bus = await busInServiceDatabase();
    await stage(source.schema, [{ topic: 'things.v1', key: 'a' }]);
    const holder = await db.connect();
    try {
      await holder.query('begin');
      await holder.query(`select pg_advisory_xact_lock(hashtext($1))`, [source.lockName]);
      expect(await bus.relayOutbox!(source)).toBe(0);
      expect(await unsent(source.schema)).toBe(1);
      await holder.query('commit');
    } finally {
      holder.release();
    }
    expect(await bus.relayOutbox!(source)).toBe(1);
    expect(await logOf('relay_locked.things.v1')).toHaveLength(1);
  });

  it('two relays side by side (two replicas) never move a row twice and keep outbox order', async () => {
    const source = await serviceSchema('relay_pair');
    const [a, b] = [await busInServiceDatabase(), await busInServiceDatabase()];
    const staged = await stage(
      source.schema,
      Array.from({ length: 300 }, (_, i) => ({ topic: 'things.v1', key: `k${i % 11}` })),
    );
    const moved = { a: 0, b: 0 };
    const drain = async (bus: EventBus, name: 'a' | 'b') => {
      while ((await unsent(source.schema)) > 0) moved[name] += await bus.relayOutbox!({ ...source, limit: 7 });
    };
    await Promise.all([drain(a, 'a'), drain(b, 'b')]);
    expect(moved.a + moved.b).toBe(staged.length);
    const log = await logOf('relay_pair.things.v1');
    expect(log.map((m) => (JSON.parse(m.value) as { id: string }).id)).toEqual(staged.map((s) => s.eventId));
  });
});
