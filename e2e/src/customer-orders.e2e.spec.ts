import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '@vitrine/testing';
import { graphql } from './__generated__/index.js';
import type { Identity } from './support/identities.js';
import { createProduct, placeOrder, startTestStack, type TestStack } from './support/stack.js';

// Orders extends accounts' Customer entity with the customer's orders: one query, two subgraphs.
let stack: TestStack;
let alice: Identity;
let bob: Identity;
let aliceOrderId: string;

beforeAll(async () => {
  stack = await startTestStack({ label: 'customer_orders', gateway: true });
  [alice, bob] = [stack.customer, await stack.newCustomer()];
  const product = await createProduct(stack, 10);
  const placed = await placeOrder(stack, alice, [{ productId: product.id, quantity: 2 }]);
  aliceOrderId = placed.data!.placeOrder.id;
});
afterAll(async () => {
  await stack?.stop();
});

const myOrders = graphql(`
  query CustomerOrdersMine {
    me {
      id
      email
      orders {
        id
        total {
          amount
        }
      }
    }
  }
`);
// Federation's own entry point, which only subgraphs have (the supergraph does not): a plain string.
const customerEntityOrders = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { orders { id } } } }`;

describe('Customer.orders through the gateway', () => {
  it('me lists my own orders, joined from the orders subgraph', async () => {
    const res = await gql(stack.gateway!.url, myOrders, {}, alice.headers);
    expect(res.errors).toBeUndefined();
    expect(res.data!.me).toMatchObject({ id: alice.id, email: alice.email, orders: [{ id: aliceOrderId }] });
  });

  it("another customer's list does not hold my orders", async () => {
    const res = await gql(stack.gateway!.url, myOrders, {}, bob.headers);
    expect(res.data!.me.orders).toEqual([]);
  });

  it("asking the orders subgraph directly for someone else's orders is FORBIDDEN", async () => {
    const res = await gql(stack.orders.url, customerEntityOrders, { r: [{ __typename: 'Customer', id: alice.id }] }, bob.headers);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(res.data ?? null)).not.toContain(aliceOrderId);
  });

  it("staff with orders:manage can see any customer's orders", async () => {
    const res = await gql(stack.orders.url, customerEntityOrders, { r: [{ __typename: 'Customer', id: alice.id }] }, stack.admin.headers);
    expect(res.data._entities[0].orders.map((o: { id: string }) => o.id)).toContain(aliceOrderId);
  });
});
