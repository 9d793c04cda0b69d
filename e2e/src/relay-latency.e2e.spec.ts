import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { outboxChannel, outboxNotifyMigration } from '@vitrine/platform';
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

  it('a rolled-back outbox row notifies no one, a committed one once', async () => {
    // The outbox's trigger on a table of the test's own, which nothing else writes, so every notification is counted.
    const scratch = 'relay_wake_scratch';
    await rows(stack, `create schema if not exists ${scratch}`);
    await rows(stack, `create table if not exists ${scratch}.outbox_message (like orders.outbox_message including all)`);
    for (const statement of outboxNotifyMigration.up(scratch)) await rows(stack, statement);
    const listener = new pg.Client({ connectionString: stack.databaseUrl });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => void heard.push(n.payload ?? ''));
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
      await rows(stack, `select pg_notify(?, ?)`, [outboxChannel, marker]);
      await eventually(() => heard.includes(marker), { timeoutMs: 5_000, intervalMs: 20 });
      expect(heard.filter((payload) => payload === scratch)).toEqual([scratch]);
    } finally {
      await listener.end();
    }
  });
});
