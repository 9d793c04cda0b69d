// @vitrine/testing is resolved through the workspace (declaring it would make a cycle: testing depends on platform).
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPlacedV1, orderStatusChangedV1, type EventEnvelope } from '@vitrine/contracts';
import { createTestDatabase, eventually, kafkaBrokers } from '@vitrine/testing';
import { createEmbeddedBus } from '../bus/embedded-bus.js';
import { createEmbeddedGroupRewinder } from '../bus/embedded-group-rewind.js';
import type { EventBus } from '../bus/event-bus.js';
import type { GroupRewinder } from '../bus/group-rewind.js';
import { createKafkaBus } from '../bus/kafka-bus.js';
import { createKafkaGroupRewinder } from '../bus/kafka/group-rewind.js';
import { ormOptions } from '../db/orm.js';
import { applyPlatformMigrations } from '../db/platform-migrations/apply-platform-migrations.js';
import { coreTableMigrations } from '../db/platform-migrations/core-tables.js';
import { createLogger } from '../logging/logger.js';
import { on, type EventHandler } from './event-handler.js';
import { startEventConsumer } from './event-consumer.js';
import { replayToConsumer } from './replay.js';

// A projection added after its events were consumed, filled by a replay, on real PostgreSQL over both transports:
// the group moved back, the new handler applies every old event once, the old handler's effects are not applied
// again (not even for events the inbox has forgotten), events published while the service was stopped are applied
// once as usual; a replay is refused while the group consumes, and while an earlier one is not done.
const schema = 'replays';
const logger = createLogger('replay-test', 'silent');
let url: string;
let orm: MikroORM;
const closing: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  url = await createTestDatabase('replay');
  await applyPlatformMigrations(url, schema, coreTableMigrations);
  orm = await MikroORM.init(ormOptions({ url, schema, entities: [], migrations: [] }));
  closing.push(() => orm.close());
  // No unique keys: applying an event twice shows as two rows.
  await sql(`create table "${schema}".placed_effect (run text not null, event_id uuid not null)`);
  await sql(`create table "${schema}".status_projection (run text not null, event_id uuid not null, order_id uuid not null)`);
});
afterAll(async () => {
  for (const close of closing.reverse()) await close();
});

function sql<T>(query: string, params: unknown[] = []) {
  return orm.em.fork().getConnection().execute<T[]>(query, params);
}

const placed = (orderId = randomUUID()): EventEnvelope => ({
  id: randomUUID(),
  type: orderPlacedV1.type,
  source: 'orders',
  time: new Date().toISOString(),
  subject: orderId,
  version: orderPlacedV1.version,
  data: { orderId, lines: [{ productId: randomUUID(), quantity: 1 }] },
});
const moved = (orderId = randomUUID()): EventEnvelope => ({
  id: randomUUID(),
  type: orderStatusChangedV1.type,
  source: 'orders',
  time: new Date().toISOString(),
  subject: orderId,
  version: orderStatusChangedV1.version,
  data: { orderId, from: 'PENDING', to: 'SECURED' },
});

const transports: { name: string; open: () => Promise<EventBus>; rewinder: () => GroupRewinder }[] = [
  { name: 'embedded', open: () => createEmbeddedBus({ url, logger, pollMs: 50 }), rewinder: () => createEmbeddedGroupRewinder({ url }) },
  {
    name: 'kafka',
    open: () => createKafkaBus({ brokers: kafkaBrokers(), clientId: 'replay-test', logger }),
    rewinder: () => createKafkaGroupRewinder({ brokers: kafkaBrokers(), clientId: 'replay-test' }),
  },
];

describe.each(transports)('a replay over the $name transport', ({ name, open, rewinder }) => {
  /** One run: its own topic and group; the old handler (placed), and the projection added later (status changed). */
  async function setUp() {
    const bus = await open();
    closing.push(() => bus.close());
    const groupRewinder = rewinder();
    closing.push(() => groupRewinder.close());
    const run = `${name}-${randomUUID().slice(0, 8)}`;
    const topicPrefix = `${run}.`;
    const topic = topicPrefix + orderPlacedV1.topic;
    const groupId = `${run}-group`;
    await bus.ensureTopics([topic]);
    // One key: one partition, so the last event published is the last consumed.
    const publish = (events: EventEnvelope[]) => bus.publish(events.map((e) => ({ topic, key: 'one-partition', value: JSON.stringify(e), headers: {} })));
    const oldHandler = on(orderPlacedV1, async (event, em) => {
      await em.execute(`insert into "${schema}".placed_effect (run, event_id) values (?, ?)`, [run, event.id]);
    });
    const projection = on(orderStatusChangedV1, async (event, em) => {
      await em.execute(`insert into "${schema}".status_projection (run, event_id, order_id) values (?, ?, ?)`, [run, event.id, event.data.orderId]);
    });
    const consume = (handlers: EventHandler[]) => startEventConsumer({ orm, bus, schema, groupId, handlers, logger, topicPrefix });
    const ids = (table: string) =>
      sql<{ event_id: string }>(`select event_id from "${schema}".${table} where run = ?`, [run]).then((rows) => rows.map((r) => r.event_id).sort());
    const replay = (types: string[], since?: Date) =>
      replayToConsumer({
        rewinder: groupRewinder,
        url,
        schema,
        groupId,
        handlers: [oldHandler, projection],
        topicPrefix,
        topics: [orderPlacedV1.topic],
        types,
        since,
      });
    return { run, groupId, publish, oldHandler, projection, consume, ids, replay };
  }

  it('fills a projection added later from every old event, once, without applying the old handler again', async () => {
    const { publish, oldHandler, projection, consume, ids, replay } = await setUp();
    const history = Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? placed() : moved()));
    const oldPlaced = history.filter((e) => e.type === orderPlacedV1.type);
    const oldMoved = history.filter((e) => e.type === orderStatusChangedV1.type);
    await publish(history);

    // Before: only the old handler; the status changes are none of its business (no inbox row either).
    const before = await consume([oldHandler]);
    await eventually(async () => (await ids('placed_effect')).length === oldPlaced.length, { timeoutMs: 30_000, intervalMs: 50 });
    await before.stop();
    // The inbox forgot some (INBOX_RETENTION_DAYS): replaying through the inbox alone would apply them again.
    await sql(`delete from "${schema}".inbox_processed_event where event_id in (?)`, [oldPlaced.slice(0, 2).map((e) => e.id)]);
    // Published while the service was stopped for the upgrade: after the replay's mark, applied as usual.
    const whileStopped = [placed(), moved()];
    await publish(whileStopped);

    const report = await replay([orderStatusChangedV1.type]);
    const movedBack = report.positions.filter((p) => p.consumedUpTo !== null);
    expect(movedBack).toHaveLength(1);
    expect(BigInt(movedBack[0]!.rewoundTo!)).toBeLessThan(BigInt(movedBack[0]!.consumedUpTo!));

    // After: the new projection too; a last event tells when everything before it went through.
    const after = await consume([oldHandler, projection]);
    const last = moved();
    await publish([last]);
    await eventually(async () => (await ids('status_projection')).includes(last.id), { timeoutMs: 30_000, intervalMs: 50 });
    await after.stop();

    expect(await ids('status_projection')).toEqual([...oldMoved, whileStopped[1]!, last].map((e) => e.id).sort());
    expect(await ids('placed_effect')).toEqual([...oldPlaced, whileStopped[0]!].map((e) => e.id).sort());
  });

  it('refuses while the group consumes, and while an earlier replay is not done; nothing moves', async () => {
    const { publish, oldHandler, projection, consume, ids, replay, groupId } = await setUp();
    const history = [placed(), moved(), moved()];
    await publish(history);
    const running = await consume([oldHandler]);
    await eventually(async () => (await ids('placed_effect')).length === 1, { timeoutMs: 30_000, intervalMs: 50 });

    await expect(replay([orderStatusChangedV1.type])).rejects.toThrow(/stop the service, every instance of it, then replay/);
    const marks = () => sql<{ n: string }>(`select count(*) as n from "${schema}".inbox_replay where group_id = ?`, [groupId]).then((r) => Number(r[0]!.n));
    expect(await marks()).toBe(0);
    await running.stop();

    await replay([orderStatusChangedV1.type]);
    expect(await marks()).toBe(1);
    // Not started since: the first replay is still to be consumed.
    await expect(replay([orderStatusChangedV1.type])).rejects.toThrow(
      /an earlier replay is not done on .*: start the service, let it catch up, then replay again/,
    );

    const after = await consume([oldHandler, projection]);
    await eventually(async () => (await ids('status_projection')).length === 2, { timeoutMs: 30_000, intervalMs: 50 });
    await after.stop();
    // Caught up: a replay may go again, and replaces the finished mark; events the inbox has seen are applied
    // again too (a handler changed since they were consumed sees them), the old handler's still not.
    await replay([orderStatusChangedV1.type]);
    expect(await marks()).toBe(1);
    const again = await consume([oldHandler, projection]);
    await eventually(async () => (await ids('status_projection')).length === 4, { timeoutMs: 30_000, intervalMs: 50 });
    await again.stop();
    expect(await ids('status_projection')).toEqual([history[1]!.id, history[1]!.id, history[2]!.id, history[2]!.id].sort());
    expect(await ids('placed_effect')).toEqual([history[0]!.id]);
  });

  it('goes back to an instant: events published before it are not applied again', async () => {
    const { publish, oldHandler, projection, consume, ids, replay } = await setUp();
    const early = [moved(), placed()];
    await publish(early);
    await sleep(50);
    const since = new Date();
    await sleep(50);
    const late = [moved(), placed(), moved()];
    await publish(late);
    const before = await consume([oldHandler]);
    await eventually(async () => (await ids('placed_effect')).length === 2, { timeoutMs: 30_000, intervalMs: 50 });
    await before.stop();

    await replay([orderStatusChangedV1.type], since);
    const after = await consume([oldHandler, projection]);
    const last = moved();
    await publish([last]);
    await eventually(async () => (await ids('status_projection')).includes(last.id), { timeoutMs: 30_000, intervalMs: 50 });
    await after.stop();

    expect(await ids('status_projection')).toEqual([late[0]!, late[2]!, last].map((e) => e.id).sort());
    expect(await ids('placed_effect')).toHaveLength(2);
  });
});
