import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPlacedV1, type EventEnvelope } from '@vitrine/contracts';
import { eventually } from '@vitrine/testing';
import { count } from './support/sql.js';
import { createProduct, startTestStack, stockOf, type CatalogStack } from './support/stack.js';

let stack: CatalogStack;

beforeAll(async () => {
  stack = await startTestStack({ label: 'inbox', only: ['catalog'] });
});
afterAll(async () => {
  await stack?.stop();
});

const orderPlaced = (productId: string, quantity: number): EventEnvelope => {
  const orderId = randomUUID();
  return {
    id: randomUUID(),
    type: orderPlacedV1.type,
    source: 'orders',
    time: new Date().toISOString(),
    subject: orderId,
    version: orderPlacedV1.version,
    data: { orderId, lines: [{ productId, quantity }] },
  };
};

/** Publishes raw messages to orders' topic on the real broker, all with one key so they keep their order. */
const deliver = (key: string, ...values: string[]) =>
  stack.catalog.bus.publish(values.map((value) => ({ topic: stack.topicPrefix + orderPlacedV1.topic, key, value, headers: {} })));

const reservationsFor = (orderId: string) => count(stack, 'select count(*) as n from catalog.stock_reservation where order_id = ?', [orderId]);

describe('inbox', () => {
  it('the same event delivered twice has one effect', async () => {
    const product = await createProduct(stack, 10);
    const event = orderPlaced(product.id, 2);
    const sentinel = orderPlaced(product.id, 1);
    await deliver(product.id, JSON.stringify(event), JSON.stringify(event), JSON.stringify(sentinel));

    // The sentinel comes after both copies on the same partition: once it shows, both copies were handled.
    await eventually(async () => (await reservationsFor((sentinel.data as { orderId: string }).orderId)) === 1);
    expect(await reservationsFor((event.data as { orderId: string }).orderId)).toBe(1);
    expect(await stockOf(stack, product.id)).toBe(7);
    expect(await count(stack, 'select count(*) as n from catalog.inbox_processed_event where event_id = ?', [event.id])).toBe(1);
  });

  it('invalid events are parked in the dead-letter table and the consumer moves on', async () => {
    const product = await createProduct(stack, 10);
    const badData = { ...orderPlaced(product.id, 1), data: { orderId: 'nope', lines: [{ productId: product.id, quantity: 'many' }] } };
    const unknownVersion = { ...orderPlaced(product.id, 1), version: 99 };
    const sentinel = orderPlaced(product.id, 1);
    const before = await count(stack, 'select count(*) as n from catalog.inbox_dead_letter');
    await deliver(product.id, '{not json', JSON.stringify(badData), JSON.stringify(unknownVersion), JSON.stringify(sentinel));

    await eventually(async () => (await reservationsFor((sentinel.data as { orderId: string }).orderId)) === 1);
    const parked = await stack.catalog.orm.em
      .fork()
      .getConnection()
      .execute<{ reason: string }[]>('select reason from catalog.inbox_dead_letter order by id offset ?', [before]);
    expect(parked.map((p) => p.reason)).toEqual(['MALFORMED_JSON', 'INVALID_DATA', 'UNKNOWN_EVENT']);
    expect(await stockOf(stack, product.id)).toBe(9);
  });
});
