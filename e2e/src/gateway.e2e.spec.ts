import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, gql } from '@vitrine/testing';
import { graphql } from './__generated__/index.js';
import { createProduct, placeOrderMutation, startTestStack, stockOf, type TestStack } from './support/stack.js';

let stack: TestStack;
let gatewayUrl: string;

beforeAll(async () => {
  stack = await startTestStack({ label: 'gateway' });
  gatewayUrl = stack.gateway!.url;
});
afterAll(async () => {
  await stack?.stop();
});

describe('through the gateway, on real PostgreSQL and Kafka', () => {
  it('lists products, places an order and reads its lines with product data from catalog', async () => {
    const product = await createProduct(stack, 5, 4200);
    const listing = await gql(
      gatewayUrl,
      graphql(`
        query GatewayListing {
          products(first: 20) {
            totalCount
            edges {
              node {
                id
                name
                price {
                  amount
                  currency
                }
              }
            }
          }
        }
      `),
      {},
    );
    expect(listing.errors).toBeUndefined();
    expect(listing.data!.products.edges.map((e) => e.node.id)).toContain(product.id);

    const requestId = `e2e-${randomUUID()}`;
    const placed = await gql(
      gatewayUrl,
      placeOrderMutation,
      { input: { lines: [{ productId: product.id, quantity: 2 }] }, key: randomUUID() },
      { 'x-request-id': requestId, ...stack.customer.headers },
    );
    expect(placed.errors).toBeUndefined();
    expect(placed.headers.get('x-request-id')).toBe(requestId);
    const orderId = placed.data!.placeOrder.id;

    const order = await eventually(async () => {
      const res = await gql(
        gatewayUrl,
        graphql(`
          query GatewayOrder($id: ID!) {
            order(id: $id) {
              status
              total {
                amount
              }
              lines {
                quantity
                product {
                  id
                  name
                  price {
                    amount
                  }
                  availableQuantity
                }
              }
            }
          }
        `),
        { id: orderId },
        stack.customer.headers,
      );
      return res.data?.order.status === 'AWAITING_PAYMENT' && res.data.order;
    });
    expect(order).toEqual({
      status: 'AWAITING_PAYMENT',
      total: { amount: 8400 },
      lines: [{ quantity: 2, product: { id: product.id, name: expect.stringContaining('Figure'), price: { amount: 4200 }, availableQuantity: 3 } }],
    });
    expect(await stockOf(stack, product.id)).toBe(3);

    // The request id travelled gateway -> orders -> outbox -> Kafka -> catalog -> its own outbox.
    const headersOf = (service: 'orders' | 'catalog', type: string) =>
      stack[service].orm.em
        .fork()
        .getConnection()
        .execute<{ headers: Record<string, string> }[]>(`select headers from ${service}.outbox_message where type = ? and key = ?`, [type, orderId]);
    expect((await headersOf('orders', 'orders.order.placed'))[0]?.headers['x-request-id']).toBe(requestId);
    expect((await headersOf('catalog', 'catalog.stock.reserved'))[0]?.headers['x-request-id']).toBe(requestId);
  });

  it('keeps domain error codes and hides internals', async () => {
    const res = await gql(
      gatewayUrl,
      placeOrderMutation,
      { input: { lines: [{ productId: randomUUID(), quantity: 1 }] }, key: randomUUID() },
      stack.customer.headers,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/could not be placed/);
    expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace|\.ts:|node_modules/);
  });

  it('pages through products with opaque cursors', async () => {
    for (let i = 0; i < 3; i++) await createProduct(stack, 1);
    const page = graphql(`
      query GatewayPage($first: Int, $after: String) {
        products(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              id
            }
          }
        }
      }
    `);
    const page1 = await gql(gatewayUrl, page, { first: 2 });
    const { endCursor } = page1.data!.products.pageInfo;
    const page2 = await gql(gatewayUrl, page, { first: 2, after: endCursor });
    const ids1 = page1.data!.products.edges.map((e) => e.node.id);
    const ids2 = page2.data!.products.edges.map((e) => e.node.id);
    expect(page1.data!.products.pageInfo.hasNextPage).toBe(true);
    expect(ids1.filter((id) => ids2.includes(id))).toEqual([]);

    const bad = await gql(gatewayUrl, page, { first: 2, after: 'garbage' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Past the catalog's page size (100) but within the gateway's cost: catalog refuses it.
    const tooMany = await gql(gatewayUrl, page, { first: 101 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'first', reason: 'OUT_OF_RANGE' }] });
    // Far past it: the gateway's cost limit refuses it before any subgraph is asked.
    const far = await gql(gatewayUrl, page, { first: 1000 });
    expect(far.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
