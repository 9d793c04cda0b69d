import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPlacedV1, type EventEnvelope } from '@vitrine/contracts';
import { eventually } from '@vitrine/testing';
import { bootCatalog, createProduct, stockOf, type CatalogHarness } from './harness.js';

// Catalog's inbox on the real broker: raw messages on orders' topic, as orders (or a broken producer) would send them.
let catalog: CatalogHarness;

beforeAll(async () => {
  catalog = await bootCatalog('inbox');
});
afterAll(async () => {
  await catalog?.stop();
});

const count = async (query: string, params: unknown[] = []) => Number((await catalog.sql<{ n: string }>(query, params))[0]!.n);

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
  catalog.service.bus.publish(values.map((value) => ({ topic: catalog.topicPrefix + orderPlacedV1.topic, key, value, headers: {} })));

const reservationsFor = (orderId: string) => count('select count(*) as n from catalog.stock_reservation where order_id = ?', [orderId]);

describe('inbox', () => {
  it('the same event delivered twice has one effect', async () => {
    const product = await createProduct(catalog, 10);
    const event = orderPlaced(product.id, 2);
    const sentinel = orderPlaced(product.id, 1);
    await deliver(product.id, JSON.stringify(event), JSON.stringify(event), JSON.stringify(sentinel));

    // The sentinel comes after both copies on the same partition: once it shows, both copies were handled.
    await eventually(async () => (await reservationsFor((sentinel.data as { orderId: string }).orderId)) === 1);
    expect(await reservationsFor((event.data as { orderId: string }).orderId)).toBe(1);
    expect(await stockOf(catalog, product.id)).toBe(7);
    expect(await count('select count(*) as n from catalog.inbox_processed_event where event_id = ?', [event.id])).toBe(1);
  });

  it('invalid events are parked in the dead-letter table and the consumer moves on', async () => {
    const product = await createProduct(catalog, 10);
    const badData = { ...orderPlaced(product.id, 1), data: { orderId: 'nope', lines: [{ productId: product.id, quantity: 'many' }] } };
    const unknownVersion = { ...orderPlaced(product.id, 1), version: 99 };
    const sentinel = orderPlaced(product.id, 1);
    const before = await count('select count(*) as n from catalog.inbox_dead_letter');
    await deliver(product.id, '{not json', JSON.stringify(badData), JSON.stringify(unknownVersion), JSON.stringify(sentinel));

    await eventually(async () => (await reservationsFor((sentinel.data as { orderId: string }).orderId)) === 1);
    const parked = await catalog.service.orm.em
      .fork()
      .getConnection()
      .execute<{ reason: string }[]>('select reason from catalog.inbox_dead_letter order by id offset ?', [before]);
    expect(parked.map((p) => p.reason)).toEqual(['MALFORMED_JSON', 'INVALID_DATA', 'UNKNOWN_EVENT']);
    expect(await stockOf(catalog, product.id)).toBe(9);
  });
});
