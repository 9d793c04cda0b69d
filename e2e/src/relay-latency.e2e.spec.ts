import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { outboxChannel, outboxChannelOf, outboxNotifyMigration, outboxNotifyOwnChannelMigration } from '@vitrine/platform';
import { eventually, gql } from '@vitrine/testing';
import { rows } from './support/sql.js';
import { createProduct, orderQuery, placeOrderMutation, startTestStack, type TestStack } from './support/stack.js';

/** A row already marked sent: the relay has nothing to publish, but the insert notifies like any staged event. */
const insertSentRow = (schema: string) => `insert into ${schema}.outbox_message (event_id, topic, key, type, envelope, headers, created_at, sent_at)
  values (?, 'relay-wake-test', 'k', 'relay.wake.test', '{}', '{}', now(), now())`;

// A long poll interval makes the difference visible: only a wake-up after commit can deliver within it.
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ label: 'relay_wake', env: { orders: { OUTBOX_POLL_MS: '60000' } } });
});
afterAll(async () => {
  await stack?.stop();
});

describe('outbox relay wake-ups', () => {
  it('an idle relay polls, it does not spin', async () => {
    await new Promise((r) => setTimeout(r, 300));
    const before = stack.orders.relay.batchesAttempted;
    await new Promise((r) => setTimeout(r, 2000));
    // One poll a minute at idle; a relay woken by its own commits would run thousands of batches here.
    expect(stack.orders.relay.batchesAttempted - before).toBeLessThanOrEqual(1);
  });

  it('a committed order is published without waiting for the next poll', async () => {
    const product = await createProduct(stack, 5);
    const res = await gql(
      stack.gatewayUrl,
      placeOrderMutation,
      { input: { lines: [{ productId: product.id, quantity: 1 }] }, key: randomUUID() },
      stack.customer.headers,
    );
    const id = res.data!.placeOrder.id;
    await eventually(async () => (await gql(stack.gatewayUrl, orderQuery, { id }, stack.customer.headers)).data?.order.status === 'AWAITING_PAYMENT', {
      timeoutMs: 10_000,
    });
  });

  it('an outbox row committed by another connection wakes the relay', async () => {
    // A row already marked sent: the relay has nothing to publish, but its wake-ups can be counted.
    const before = stack.orders.relay.batchesAttempted;
    await rows(stack, insertSentRow('orders'), [randomUUID()]);
    // The poll is a minute away: only the commit's notification can wake it.
    await eventually(() => stack.orders.relay.batchesAttempted > before, { timeoutMs: 5_000 });
  });

  it('a woken relay publishes a short batch in one round, without another, empty one after it', async () => {
    // Quiet first: the earlier tests' orders may still be moving.
    let seen = stack.orders.relay.batchesAttempted;
    await eventually(
      async () => {
        await new Promise((r) => setTimeout(r, 500));
        const still = stack.orders.relay.batchesAttempted === seen;
        seen = stack.orders.relay.batchesAttempted;
        return still;
      },
      { timeoutMs: 20_000 },
    );
    // A topic of its own (on Kafka it must exist before a publish), which no consumer reads.
    await stack.orders.bus.ensureTopics([`${stack.orders.env.TOPIC_PREFIX}relay-wake-test`]);
    const eventId = randomUUID();
    await rows(
      stack,
      `insert into orders.outbox_message (event_id, topic, key, type, envelope, headers, created_at)
        values (?, 'relay-wake-test', 'k', 'relay.wake.test', '{}', '{}', now())`,
      [eventId],
    );
    await eventually(
      async () => (await rows(stack, 'select 1 from orders.outbox_message where event_id = ? and sent_at is not null', [eventId])).length === 1,
      {
        timeoutMs: 5_000,
      },
    );
    await new Promise((r) => setTimeout(r, 500));
    // One row is less than a batch: later commits notify the relay, so a second round could only find nothing.
    expect(stack.orders.relay.batchesAttempted - seen).toBe(1);
  });

  it('a rolled-back outbox row notifies no one, a committed one once, on its service’s own channel', async () => {
    // The outbox's trigger on a table of the test's own, which nothing else writes, so every notification is counted.
    const scratch = 'relay_wake_scratch';
    await rows(stack, `create schema if not exists ${scratch}`);
    await rows(stack, `create table if not exists ${scratch}.outbox_message (like orders.outbox_message including all)`);
    for (const migration of [outboxNotifyMigration, outboxNotifyOwnChannelMigration])
      for (const statement of migration.up(scratch)) await rows(stack, statement);
    const listener = new pg.Client({ connectionString: stack.databaseUrl });
    await listener.connect();
    const heard: string[] = [];
    const onShared: string[] = [];
    listener.on('notification', (n) => void (n.channel === outboxChannel ? onShared : heard).push(n.payload ?? ''));
    await listener.query(`listen ${outboxChannelOf(scratch)}`);
    // Every relay listened here before each outbox had its channel: it hears nothing now.
    await listener.query(`listen ${outboxChannel}`);
    try {
      const rolledBack = stack.catalog.orm.em.fork().transactional(async (em) => {
        await em.execute(insertSentRow(scratch), [randomUUID()]);
        throw new Error('rolled back on purpose');
      });
      await expect(rolledBack).rejects.toThrow('rolled back on purpose');
      await rows(stack, insertSentRow(scratch), [randomUUID()]);
      // Notifications arrive in commit order: once this marker is heard, everything sent before it has been too.
      const marker = `marker-${randomUUID()}`;
      await rows(stack, `select pg_notify(?, ?)`, [outboxChannelOf(scratch), marker]);
      await eventually(() => heard.includes(marker), { timeoutMs: 5_000, intervalMs: 20 });
      expect(heard.filter((payload) => payload === scratch)).toEqual([scratch]);
      expect(onShared).toEqual([]);
    } finally {
      await listener.end();
    }
  });
});
