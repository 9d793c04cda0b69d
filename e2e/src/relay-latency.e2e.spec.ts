import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, gql } from '@vitrine/testing';
import { rows } from './support/sql.js';
import { createProduct, orderQuery, placeOrderMutation, startTestStack, type TestStack } from './support/stack.js';

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

  it('an outbox row committed by another connection wakes the relay; a rolled-back one does not', async () => {
    await new Promise((r) => setTimeout(r, 300));
    // A row already marked sent: the relay has nothing to publish, but its wake-ups can be counted.
    const insert = `insert into orders.outbox_message (event_id, topic, key, type, envelope, headers, created_at, sent_at)
      values (?, 'relay-wake-test', 'k', 'relay.wake.test', '{}', '{}', now(), now())`;
    const before = stack.orders.relay.batchesAttempted;
    const rolledBack = stack.catalog.orm.em.fork().transactional(async (em) => {
      await em.execute(insert, [randomUUID()]);
      throw new Error('rolled back on purpose');
    });
    await expect(rolledBack).rejects.toThrow('rolled back on purpose');
    await new Promise((r) => setTimeout(r, 1000));
    expect(stack.orders.relay.batchesAttempted).toBe(before);
    await rows(stack, insert, [randomUUID()]);
    // The poll is a minute away: only the commit's notification can wake it.
    await eventually(() => stack.orders.relay.batchesAttempted > before, { timeoutMs: 5_000 });
  });
});
