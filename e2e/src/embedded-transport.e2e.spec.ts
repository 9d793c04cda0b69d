import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogService } from '@vitrine/catalog';
import { ordersService } from '@vitrine/orders';
import type { RunningService } from '@vitrine/platform';
import { bootService, createTestDatabase, eventually, gql } from '@vitrine/testing';
import { orderQuery, placeOrderMutation } from './support/stack.js';

// The zero-setup mode (`npm start`) runs the same flow on the embedded transport.
let catalog: RunningService;
let orders: RunningService;

beforeAll(async () => {
  const databaseUrl = await createTestDatabase('embedded');
  const env = { databaseUrl, topicPrefix: '', transport: 'embedded' as const };
  catalog = await bootService(catalogService, { ...env, extra: { SEED_DEMO_DATA: 'true' } });
  orders = await bootService(ordersService, env);
});
afterAll(async () => {
  await orders?.stop();
  await catalog?.stop();
});

describe('embedded transport end to end', () => {
  it('seeds the demo catalog and serves an order from it', async () => {
    const listing = await gql(catalog.url, `{ products(first: 50) { totalCount edges { node { id sku stock } } } }`);
    expect(listing.data.products.totalCount).toBeGreaterThanOrEqual(5);
    const product = listing.data.products.edges.map((e: { node: { id: string; stock: number } }) => e.node).find((p: { stock: number }) => p.stock >= 2);

    const placed = await eventually(async () => {
      const res = await gql(orders.url, placeOrderMutation, { input: { lines: [{ productId: product.id, quantity: 2 }] }, key: randomUUID() });
      return res.errors ? false : res; // orders learns the seeded products through the bus
    });
    const id = (placed as { data: { placeOrder: { id: string } } }).data.placeOrder.id;
    await eventually(async () => (await gql(orders.url, orderQuery, { id })).data?.order.status === 'CONFIRMED');
    const after = await gql(catalog.url, `query($id: ID!) { product(id: $id) { stock } }`, { id: product.id });
    expect(after.data.product.stock).toBe(product.stock - 2);
  });
});
