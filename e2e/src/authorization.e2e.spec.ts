import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, type GraphQLResponse, type TypedDocumentNode } from '@vitrine/testing';
import { graphql } from './__generated__/index.js';
import type { Identity } from './support/identities.js';
import { count } from './support/sql.js';
import { createProduct, placeOrder, placeOrderMutation, startTestStack, type TestStack } from './support/stack.js';

// Customer B must never see or change customer A's data, whether the request
// goes through the gateway or straight to the subgraph.
let stack: TestStack;
let alice: Identity;
let bob: Identity;
let aliceOrderId: string;

beforeAll(async () => {
  stack = await startTestStack({ label: 'authz', gateway: true });
  [alice, bob] = [stack.customer, await stack.newCustomer('DE')];
  const product = await createProduct(stack, 10);
  const placed = await placeOrder(stack, alice, [{ productId: product.id, quantity: 1 }]);
  aliceOrderId = placed.data!.placeOrder.id;
});
afterAll(async () => {
  await stack?.stop();
});

const targets = () => [
  { via: 'gateway', ordersUrl: stack.gateway!.url, accountsUrl: stack.gateway!.url },
  { via: 'subgraph', ordersUrl: stack.orders.url, accountsUrl: stack.accounts.url },
];

const orderQuery = graphql(`
  query AuthzOrder($id: ID!) {
    order(id: $id) {
      id
      status
      total {
        amount
      }
    }
  }
`);
const orderIdQuery = graphql(`
  query AuthzOrderId($id: ID!) {
    order(id: $id) {
      id
    }
  }
`);
const flagMutation = graphql(`
  mutation AuthzFlag($id: ID!) {
    flagCustomer(customerId: $id, flag: BLOCKED, reason: "spite") {
      id
    }
  }
`);
const cancelMutation = graphql(`
  mutation AuthzCancel($id: ID!, $reason: String!) {
    cancelOrder(id: $id, reason: $reason) {
      id
    }
  }
`);

const expectRefused = (res: GraphQLResponse, codes: string[]) => {
  expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toSatisfy((c: string) => codes.includes(c));
  expect(res.data?.order ?? res.data?._entities?.[0] ?? null).toBeNull();
  expect(JSON.stringify(res)).not.toContain(alice.email);
};

describe.each(['gateway', 'subgraph'])('through the %s', (via) => {
  const target = () => targets().find((t) => t.via === via)!;

  it("B cannot read A's order", async () => {
    const res = await gql(target().ordersUrl, orderQuery, { id: aliceOrderId }, bob.headers);
    expectRefused(res, ['NOT_FOUND', 'FORBIDDEN']);
  });

  it('A reads her own order, and staff with orders:manage may too', async () => {
    for (const who of [alice, stack.admin]) {
      const res = await gql(target().ordersUrl, orderIdQuery, { id: aliceOrderId }, who.headers);
      expect(res.data?.order.id).toBe(aliceOrderId);
    }
  });

  it('anonymous callers must sign in to order or read orders', async () => {
    const read = await gql(target().ordersUrl, orderIdQuery, { id: aliceOrderId });
    expectRefused(read, ['UNAUTHENTICATED']);
    const place = await gql(target().ordersUrl, placeOrderMutation, { input: { lines: [{ productId: randomUUID(), quantity: 1 }] }, key: randomUUID() });
    expect(place.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('me is always the caller', async () => {
    const res = await gql(
      target().accountsUrl,
      graphql(`
        query AuthzMe {
          me {
            id
            email
          }
        }
      `),
      {},
      bob.headers,
    );
    expect(res.data!.me).toEqual({ id: bob.id, email: bob.email });
  });

  it("B cannot look A up, nor read or change A's flags", async () => {
    const lookup = await gql(
      target().accountsUrl,
      graphql(`
        query AuthzCustomer($id: ID!) {
          customer(id: $id) {
            id
            email
          }
        }
      `),
      { id: alice.id },
      bob.headers,
    );
    expect(lookup.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(lookup)).not.toContain(alice.email);
    const flag = await gql(target().accountsUrl, flagMutation, { id: alice.id }, bob.headers);
    expect(flag.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('customers cannot use staff mutations', async () => {
    const url = via === 'gateway' ? stack.gateway!.url : stack.catalog.url;
    const input = { sku: `X-${randomUUID().slice(0, 8)}`, name: 'Forbidden figure', price: { amount: 100, currency: 'USD' }, stock: 1 };
    const res = await gql(
      url,
      graphql(`
        mutation AuthzCreateProduct($input: CreateProductInput!) {
          createProduct(input: $input) {
            id
          }
        }
      `),
      { input },
      bob.headers,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data?.createProduct ?? null).toBeNull();
  });

  it('customers cannot manage warehouses, stock or orders', async () => {
    const catalogUrl = via === 'gateway' ? stack.gateway!.url : stack.catalog.url;
    const ids = { p: randomUUID(), w: stack.warehouses.france };
    const staffOnly: [string, TypedDocumentNode<unknown, any>, Record<string, unknown>][] = [
      [
        catalogUrl,
        graphql(`
          query AuthzWarehouses {
            warehouses {
              id
            }
          }
        `),
        {},
      ],
      [
        catalogUrl,
        graphql(`
          mutation AuthzCreateWarehouse {
            createWarehouse(input: { code: "BAD-1", name: "x", country: "FR", heldByFactory: false, allocationPriority: 1 }) {
              id
            }
          }
        `),
        {},
      ],
      [
        catalogUrl,
        graphql(`
          mutation AuthzReceiveStock($p: ID!, $w: ID!) {
            receiveStock(productId: $p, warehouseId: $w, quantity: 5) {
              id
            }
          }
        `),
        ids,
      ],
      [
        catalogUrl,
        graphql(`
          mutation AuthzAdjustStock($p: ID!, $w: ID!) {
            adjustStock(productId: $p, warehouseId: $w, delta: 5, reason: "x") {
              id
            }
          }
        `),
        ids,
      ],
      [
        catalogUrl,
        graphql(`
          mutation AuthzArrived($p: ID!, $w: ID!) {
            arrivedAtWarehouse(productId: $p, warehouseId: $w, quantity: 5) {
              surplus
            }
          }
        `),
        ids,
      ],
      [
        catalogUrl,
        graphql(`
          query AuthzReconciliation($p: ID!) {
            stockReconciliation(productIds: [$p]) {
              productId
            }
          }
        `),
        { p: ids.p },
      ],
    ];
    for (const [url, document, variables] of staffOnly) {
      const res = await gql(url, document, variables, bob.headers);
      expect(res.errors?.[0]?.extensions?.code, print(document)).toBe('FORBIDDEN');
    }
    // Another customer's order does not exist for bob: not cancellable, not even quotable.
    const spite = await gql(target().ordersUrl, cancelMutation, { id: aliceOrderId, reason: 'spite' }, bob.headers);
    expect(spite.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const quote = await gql(
      target().ordersUrl,
      graphql(`
        query AuthzQuote($id: ID!) {
          cancellationQuote(orderId: $id) {
            outcome
          }
        }
      `),
      { id: aliceOrderId },
      bob.headers,
    );
    expect(quote.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const listed = await gql(
      catalogUrl,
      graphql(`
        query AuthzStockLevels {
          products(first: 1) {
            edges {
              node {
                id
                stockLevels {
                  onHand
                }
              }
            }
          }
        }
      `),
      {},
      bob.headers,
    );
    expect(listed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('subgraphs reached directly trust nothing they cannot verify', () => {
  it("resolving A's Customer entity as B reveals nothing", async () => {
    // Federation's own entry point, which only subgraphs have (the supergraph does not): a plain string.
    const res = await gql(
      stack.accounts.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id email } } }`,
      { r: [{ __typename: 'Customer', id: alice.id }] },
      bob.headers,
    );
    expect(JSON.stringify(res)).not.toContain(alice.email);
  });

  it.each([
    ['a garbage token', 'Bearer not.a.token'],
    ['a token with its signature cut off', () => `Bearer ${alice.token.split('.').slice(0, 2).join('.')}.`],
    ['an unsigned token (alg none)', () => `Bearer ${unsigned(alice.token)}`],
    ['a non-bearer scheme', 'Basic YWxpY2U6c2VjcmV0'],
  ])('%s is refused with UNAUTHENTICATED', async (_name, header) => {
    const authorization = typeof header === 'function' ? header() : header;
    // The token is checked while building the request context, before any field runs.
    for (const url of [stack.orders.url, stack.catalog.url, stack.accounts.url, stack.gateway!.url]) {
      const res = await gql(
        url,
        graphql(`
          query AuthzTypename {
            __typename
          }
        `),
        {},
        { authorization },
      );
      expect(res.errors?.[0]?.extensions?.code, `${url}: ${JSON.stringify(res.errors)}`).toBe('UNAUTHENTICATED');
      expect(res.data ?? null).toBeNull();
    }
  });

  it('a refused token changes nothing', async () => {
    const product = await createProduct(stack, 3);
    const res = await gql(
      stack.orders.url,
      placeOrderMutation,
      { input: { lines: [{ productId: product.id, quantity: 1 }] }, key: randomUUID() },
      { authorization: 'Bearer forged' },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await count(stack, 'select count(*) as n from orders.order_line where product_id = ?', [product.id])).toBe(0);
  });
});

/** Re-encodes a real token's claims under `alg: none` with no signature. */
function unsigned(token: string): string {
  const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  return `${header}.${token.split('.')[1]}.`;
}
