// @vitrine/testing is resolved through the workspace (declaring it would make a cycle: testing depends on platform).
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPlacedV1, type EventEnvelope } from '@vitrine/contracts';
import { createTestDatabase, eventually, kafkaBrokers } from '@vitrine/testing';
import { createEmbeddedBus } from '../bus/embedded-bus.js';
import type { EventBus, Subscription } from '../bus/event-bus.js';
import { createKafkaBus } from '../bus/kafka-bus.js';
import { ormOptions } from '../db/orm.js';
import { createLogger } from '../logging/logger.js';
import { on } from './event-handler.js';
import { startEventConsumer } from './event-consumer.js';

// The consumer on real PostgreSQL, over both transports: events fetched
// together are applied in one transaction (one savepoint each), with exactly
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
  // No unique key: a double application must show as two rows.
  await orm.em
    .getConnection()
    .execute(
      `create table "${schema}".effect (order_id uuid not null, run text not null, tx bigint not null, at timestamptz not null default clock_timestamp())`,
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
    // Every event's inbox row, the duplicate's only once; the invalid message parked.
    const inbox = await sql<{ n: string }>(`select count(*) as n from "${schema}".inbox_processed_event where event_id in (?)`, [events.map((e) => e.id)]);
    expect(Number(inbox[0]!.n)).toBe(orderIds.length);
    const parked = await sql<{ reason: string }>(`select reason from "${schema}".inbox_dead_letter where topic = ?`, [topicPrefix + orderPlacedV1.topic]);
    expect(parked).toEqual([{ reason: 'MALFORMED_JSON' }]);
  });
});
