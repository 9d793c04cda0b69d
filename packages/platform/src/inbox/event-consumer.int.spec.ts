// @vitrine/testing is resolved through the workspace (declaring it would make a cycle: testing depends on platform).
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerFlaggedV1, orderPlacedV1, orderStatusChangedV1, type EventEnvelope } from '@vitrine/contracts';
import { createTestDatabase, eventually, kafkaBrokers } from '@vitrine/testing';
import { createEmbeddedBus } from '../bus/embedded-bus.js';
import type { EventBus, Subscription } from '../bus/event-bus.js';
import { createKafkaBus } from '../bus/kafka-bus.js';
import { ormOptions } from '../db/orm.js';
import { applyPlatformMigrations } from '../db/platform-migrations/apply-platform-migrations.js';
import { createLogger } from '../logging/logger.js';
import { currentRequestId, requestIdHeader } from '../context/request-context.js';
import { on, onSet, when } from './event-handler.js';
import { startEventConsumer } from './event-consumer.js';
import { inboxReplayMigration } from './replay-marks.js';

// The consumer on real PostgreSQL, over both transports: events fetched
// together are applied in one transaction (no savepoints unless one fails), with exactly
// the effects one at a time would have: once each, in order, a failing
// event's partial effect rolled back and retried on its own, an invalid one
// parked, the events around them applied once.
const schema = 'consumer_batches';
const logger = createLogger('event-consumer-test', 'silent');
let url: string;
let orm: MikroORM;
const closing: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  url = await createTestDatabase('event_consumer');
  orm = await MikroORM.init(ormOptions({ url, schema, entities: [], migrations: [] }));
  closing.push(() => orm.close());
  await orm.em.getConnection().execute(`create schema "${schema}"`);
  await orm.schema.create();
  // The consumer reads its replay marks (replay.int.spec.ts), a table no entity maps.
  await applyPlatformMigrations(url, schema, [inboxReplayMigration]);
  // No unique key: a double application must show as two rows.
  await orm.em
    .getConnection()
    .execute(
      `create table "${schema}".effect (order_id uuid not null, run text not null, tx bigint not null, request_id text, at timestamptz not null default clock_timestamp())`,
    );
});
afterAll(async () => {
  for (const close of closing.reverse()) await close();
});

const sql = <T>(query: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(query, params);

const placed = (orderId: string): EventEnvelope => ({
  id: randomUUID(),
  type: orderPlacedV1.type,
  source: 'orders',
  time: new Date().toISOString(),
  subject: orderId,
  version: orderPlacedV1.version,
  data: { orderId, lines: [{ productId: randomUUID(), quantity: 1 }] },
});

const moved = (orderId: string): EventEnvelope => ({
  id: randomUUID(),
  type: orderStatusChangedV1.type,
  source: 'orders',
  time: new Date().toISOString(),
  subject: orderId,
  version: orderStatusChangedV1.version,
  data: { orderId, from: 'PENDING', to: 'SECURED' },
});

/** An event this test's consumers have no handler for, on their topic (as orders' other event types are on accounts'). */
const foreign = (): EventEnvelope => ({
  id: randomUUID(),
  type: customerFlaggedV1.type,
  source: 'accounts',
  time: new Date().toISOString(),
  subject: randomUUID(),
  version: customerFlaggedV1.version,
  data: { customerId: randomUUID(), flag: 'BLOCKED', reason: 'Not this consumer’s business.', actorId: randomUUID() },
});

const transports: { name: string; open: () => Promise<EventBus> }[] = [
  { name: 'embedded', open: () => createEmbeddedBus({ url, logger, pollMs: 50 }) },
  { name: 'kafka', open: () => createKafkaBus({ brokers: kafkaBrokers(), clientId: 'event-consumer-test', logger }) },
];

describe.each(transports)('event consumer over the $name transport', ({ name, open }) => {
  it('applies events fetched together in one transaction, once each and in order; a failing one alone after the ones before it, an invalid one parked', async () => {
    const bus = await open();
    closing.push(() => bus.close());
    const run = `${name}-${randomUUID().slice(0, 8)}`;
    const topicPrefix = `${run}.`;
    const orderIds = Array.from({ length: 40 }, () => randomUUID());
    const flaky = orderIds[12]!;
    let flakyTries = 0;
    const handler = on(orderPlacedV1, async (event, em) => {
      await em.execute(`insert into "${schema}".effect (order_id, run, tx) values (?, ?, txid_current())`, [event.data.orderId, run]);
      // Fails twice after writing its effect: the savepoint (then its own transaction) must drop that write.
      if (event.data.orderId === flaky && flakyTries++ < 2) throw new Error('the flaky event fails');
    });

    // Everything is on the log before the consumer starts, so the transport fetches it in runs.
    const events = orderIds.map(placed);
    const values = events.map((e) => JSON.stringify(e));
    values.splice(25, 0, '{not json', values[3]!); // an invalid message, and event 3 delivered again
    await bus.ensureTopics([topicPrefix + orderPlacedV1.topic]);
    await bus.publish(values.map((value) => ({ topic: topicPrefix + orderPlacedV1.topic, key: 'one-partition', value, headers: {} })));

    const consumer: Subscription = await startEventConsumer({ orm, bus, schema, groupId: `${run}-group`, handlers: [handler], logger, topicPrefix });
    closing.push(() => consumer.stop());
    const effects = () => sql<{ order_id: string; tx: string }>(`select order_id, tx::text as tx from "${schema}".effect where run = ? order by at`, [run]);
    await eventually(async () => (await effects()).length >= orderIds.length, { timeoutMs: 30_000, intervalMs: 50 });
    await consumer.stop();

    const applied = await effects();
    // Once each (the redelivered event 3 included), in publication order, and the flaky one's failed writes gone.
    expect(applied.map((e) => e.order_id)).toEqual(orderIds);
    expect(flakyTries).toBe(3);
    // Batched: events shared transactions (one at a time, every event would have its own).
    const perTransaction = new Map<string, number>();
    for (const e of applied) perTransaction.set(e.tx, (perTransaction.get(e.tx) ?? 0) + 1);
    expect(Math.max(...perTransaction.values())).toBeGreaterThan(1);
    expect(perTransaction.size).toBeLessThan(orderIds.length);
    // A batch that goes through at once takes no savepoint per event: its rows carry one transaction id (xmin);
    // the flaky event's batch, applied again in savepoints, gives each row its own.
    const xids = await sql<{ rows: string; xids: string }>(
      `select count(*) as rows, count(distinct xmin::text) as xids from "${schema}".effect where run = ? group by tx`,
      [run],
    );
    expect(xids.some((t) => Number(t.rows) > 1 && Number(t.xids) === 1)).toBe(true);
    expect(xids.some((t) => Number(t.rows) > 1 && Number(t.xids) === Number(t.rows))).toBe(true);
    // Every event's inbox row, the duplicate's only once; the invalid message parked.
    const inbox = await sql<{ n: string }>(`select count(*) as n from "${schema}".inbox_processed_event where event_id in (?)`, [events.map((e) => e.id)]);
    expect(Number(inbox[0]!.n)).toBe(orderIds.length);
    const parked = await sql<{ reason: string }>(`select reason from "${schema}".inbox_dead_letter where topic = ?`, [topicPrefix + orderPlacedV1.topic]);
    expect(parked).toEqual([{ reason: 'MALFORMED_JSON' }]);
  });
  it('applies consecutive events of an event set with one load and one save, once each, in order, each in its own request context; a failing one falls back to one at a time', async () => {
    const bus = await open();
    closing.push(() => bus.close());
    const run = `${name}-set-${randomUUID().slice(0, 8)}`;
    const topicPrefix = `${run}.`;
    const orderIds = Array.from({ length: 30 }, () => randomUUID());
    const flaky = orderIds[20]!;
    let flakyTries = 0;
    const loads: number[] = [];
    type Item = { orderId: string; step: 'placed' | 'moved' };
    const handlers = onSet<Item, { seen: Set<string>; applied: string[] }>(
      {
        // One query for the whole set: which of its orders already have an effect.
        async load(items, em) {
          loads.push(items.length);
          const rows = await em.execute<{ order_id: string }[]>(`select distinct order_id from "${schema}".effect where run like ? and order_id in (?)`, [
            `${run}:%`,
            items.map((i) => i.orderId),
          ]);
          return { seen: new Set(rows.map((r) => r.order_id)), applied: [] };
        },
        async apply(item, { seen, applied }, em) {
          // An order's second event in one set sees its first one's effect (shared state, as an identity map is).
          if (item.step === 'moved' && !seen.has(item.orderId)) throw new Error(`moved before placed: ${item.orderId}`);
          seen.add(item.orderId);
          await em.execute(`insert into "${schema}".effect (order_id, run, tx, request_id) values (?, ?, txid_current(), ?)`, [
            item.orderId,
            `${run}:${item.step}`,
            currentRequestId() ?? null,
          ]);
          if (item.orderId === flaky && item.step === 'placed' && flakyTries++ < 2) throw new Error('the flaky event fails');
          applied.push(item.orderId);
        },
        // Once per set, after its items, in their transaction: what apply collected (here, how many).
        async save({ applied }, em) {
          await em.execute(`insert into "${schema}".effect (order_id, run, tx, request_id) values (?, ?, txid_current(), ?)`, [
            randomUUID(),
            `${run}:saved`,
            String(applied.length),
          ]);
        },
      },
      when(orderPlacedV1, (event) => ({ orderId: event.data.orderId, step: 'placed' as const })),
      when(orderStatusChangedV1, (event) => ({ orderId: event.data.orderId, step: 'moved' as const })),
    );

    // Each order placed then moved, on one partition; event 5 delivered twice.
    const events = orderIds.flatMap((id) => [placed(id), moved(id)]);
    const messages = events.map((e, i) => ({
      topic: topicPrefix + orderPlacedV1.topic,
      key: 'one-partition',
      value: JSON.stringify(e),
      headers: { [requestIdHeader]: `req-${i}` },
    }));
    messages.splice(30, 0, { ...messages[5]! });
    await bus.ensureTopics([topicPrefix + orderPlacedV1.topic]);
    await bus.publish(messages);

    const consumer = await startEventConsumer({ orm, bus, schema, groupId: `${run}-group`, handlers, logger, topicPrefix });
    closing.push(() => consumer.stop());
    const effects = () =>
      sql<{ order_id: string; run: string; tx: string; request_id: string }>(
        `select order_id, run, tx::text as tx, request_id from "${schema}".effect where run like ? and run <> ? order by at`,
        [`${run}:%`, `${run}:saved`],
      );
    await eventually(async () => (await effects()).length >= events.length, { timeoutMs: 30_000, intervalMs: 50 });
    await consumer.stop();

    const applied = await effects();
    expect(applied.map((e) => `${e.order_id}:${e.run.split(':').pop()}`)).toEqual(
      events.map((e) => `${(e.data as { orderId: string }).orderId}:${e.type === orderPlacedV1.type ? 'placed' : 'moved'}`),
    );
    expect(applied.map((e) => e.request_id)).toEqual(events.map((_, i) => `req-${i}`));
    expect(flakyTries).toBe(3);
    // Sets of many were loaded at once, and shared transactions.
    expect(Math.max(...loads)).toBeGreaterThan(1);
    expect(new Set(applied.map((e) => e.tx)).size).toBeLessThan(events.length);
    // Each committed set saved once, in its own transaction, for all it applied (rolled-back tries left nothing).
    const saved = await sql<{ request_id: string; tx: string }>(`select request_id, tx::text as tx from "${schema}".effect where run = ?`, [`${run}:saved`]);
    expect(saved.reduce((sum, s) => sum + Number(s.request_id), 0)).toBe(events.length);
    expect(new Set(saved.map((s) => s.tx))).toEqual(new Set(applied.map((e) => e.tx)));
    const inbox = await sql<{ n: string }>(`select count(*) as n from "${schema}".inbox_processed_event where event_id in (?)`, [events.map((e) => e.id)]);
    expect(Number(inbox[0]!.n)).toBe(events.length);
  });

  it('carries an event set over the events between its members that it has no handler for: fewer loads, the same effects, no inbox row for those', async () => {
    const bus = await open();
    closing.push(() => bus.close());
    const run = `${name}-gaps-${randomUUID().slice(0, 8)}`;
    const topicPrefix = `${run}.`;
    const orderIds = Array.from({ length: 20 }, () => randomUUID());
    const loads: number[] = [];
    type Item = { orderId: string; step: 'placed' | 'moved' };
    const handlers = onSet<Item, null>(
      {
        async load(items) {
          loads.push(items.length);
          return null;
        },
        async apply(item, _, em) {
          await em.execute(`insert into "${schema}".effect (order_id, run, tx) values (?, ?, txid_current())`, [item.orderId, `${run}:${item.step}`]);
        },
      },
      when(orderPlacedV1, (event) => ({ orderId: event.data.orderId, step: 'placed' as const })),
      when(orderStatusChangedV1, (event) => ({ orderId: event.data.orderId, step: 'moved' as const })),
    );
    // Every member of the set has a foreign event after it: runs that stopped at them would be one event long.
    const ordered = orderIds.flatMap((id) => [placed(id), moved(id)]);
    const others = ordered.map(() => foreign());
    const events = ordered.flatMap((e, i) => [e, others[i]!]);
    await bus.ensureTopics([topicPrefix + orderPlacedV1.topic]);
    await bus.publish(events.map((e) => ({ topic: topicPrefix + orderPlacedV1.topic, key: 'one-partition', value: JSON.stringify(e), headers: {} })));

    const consumer = await startEventConsumer({ orm, bus, schema, groupId: `${run}-group`, handlers, logger, topicPrefix });
    closing.push(() => consumer.stop());
    const effects = () => sql<{ order_id: string; run: string }>(`select order_id, run from "${schema}".effect where run like ? order by at`, [`${run}:%`]);
    await eventually(async () => (await effects()).length >= ordered.length, { timeoutMs: 30_000, intervalMs: 50 });
    await consumer.stop();

    expect((await effects()).map((e) => `${e.order_id}:${e.run.split(':').pop()}`)).toEqual(
      ordered.map((e) => `${(e.data as { orderId: string }).orderId}:${e.type === orderPlacedV1.type ? 'placed' : 'moved'}`),
    );
    expect(Math.max(...loads)).toBeGreaterThan(1);
    const inbox = (ids: string[]) => sql<{ n: string }>(`select count(*) as n from "${schema}".inbox_processed_event where event_id in (?)`, [ids]);
    expect(Number((await inbox(ordered.map((e) => e.id)))[0]!.n)).toBe(ordered.length);
    expect(Number((await inbox(others.map((e) => e.id)))[0]!.n)).toBe(0);
  });
});
