import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, gql } from '@vitrine/testing';
import { count } from './support/sql.js';
import type { OrderLineInput } from './__generated__/graphql.js';
import { createProduct, orderQuery, placeOrder, startTestStack, stockOf, type TestStack } from './support/stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ label: 'place_order' });
});
afterAll(async () => {
  await stack?.stop();
});

// Through the gateway, as a storefront would.
const place = (lines: OrderLineInput[], key?: string) => placeOrder(stack, stack.customer, lines, key);
const orderOf = (id: string) => gql(stack.gatewayUrl, orderQuery, { id }, stack.customer.headers);

describe('placeOrder over real Kafka', () => {
  it('reserves stock through catalog and confirms the order', async () => {
    const product = await createProduct(stack, 10, 2500);
    const res = await place([{ productId: product.id, quantity: 3 }]);
    expect(res.errors).toBeUndefined();
    expect(res.data!.placeOrder).toMatchObject({ status: 'PENDING', total: { amount: 7500, currency: 'USD' } });

    const id = res.data!.placeOrder.id;
    await eventually(async () => (await orderOf(id)).data?.order.status === 'AWAITING_PAYMENT');
    expect(await stockOf(stack, product.id)).toBe(7);
  });

  it('rejects an order catalog cannot serve, leaving stock untouched', async () => {
    const product = await createProduct(stack, 2);
    const res = await place([{ productId: product.id, quantity: 3 }]);
    const id = res.data!.placeOrder.id;
    const order = await eventually(async () => {
      const o = (await orderOf(id)).data?.order;
      return o?.status === 'REJECTED' && o;
    });
    expect(order.statusReason).toBe('INSUFFICIENT_STOCK');
    expect(await stockOf(stack, product.id)).toBe(2);
  });
});

describe('idempotency keys', () => {
  it('the same key twice returns the same order and writes one', async () => {
    const product = await createProduct(stack, 10);
    const other = await createProduct(stack, 10);
    const key = randomUUID();
    const lines = [
      { productId: product.id, quantity: 1 },
      { productId: other.id, quantity: 2 },
    ];
    const first = await place(lines, key);
    const second = await place(lines, key);
    expect(second.data!.placeOrder.id).toBe(first.data!.placeOrder.id);
    // The answer from the rows just written and the answer read again: the same lines, in the cart's order, and total.
    expect(first.data!.placeOrder.lines).toEqual([
      { quantity: 1, product: { id: product.id } },
      { quantity: 2, product: { id: other.id } },
    ]);
    expect(second.data!.placeOrder.lines).toEqual(first.data!.placeOrder.lines);
    expect(second.data!.placeOrder.total).toEqual(first.data!.placeOrder.total);
    expect(
      await count(stack, 'select count(*) as n from orders.customer_order o join orders.checkout c on c.id = o.checkout_id where c.idempotency_key = ?', [key]),
    ).toBe(1);
  });

  it('a different payload with a used key is a CONFLICT', async () => {
    const product = await createProduct(stack, 10);
    const key = randomUUID();
    await place([{ productId: product.id, quantity: 1 }], key);
    const res = await place([{ productId: product.id, quantity: 2 }], key);
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(res.errors?.[0]?.message).toMatch(/already used/);
  });

  it('concurrent requests with one key create one order', async () => {
    const product = await createProduct(stack, 10);
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, () => place([{ productId: product.id, quantity: 1 }], key)));
    const ids = new Set(results.map((r) => r.data?.placeOrder.id));
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(ids.size).toBe(1);
    expect(
      await count(stack, 'select count(*) as n from orders.customer_order o join orders.checkout c on c.id = o.checkout_id where c.idempotency_key = ?', [key]),
    ).toBe(1);
  });
});

describe('bad input changes nothing', () => {
  // Earlier tests' orders are still answered by catalog in the background, each answer adding an
  // outbox row: count once none is PENDING, so only the call under test could change the sum.
  const writes = async () => {
    await eventually(async () => (await count(stack, `select count(*) as n from orders.customer_order where status = 'PENDING'`)) === 0);
    return (await count(stack, 'select count(*) as n from orders.customer_order')) + (await count(stack, 'select count(*) as n from orders.outbox_message'));
  };

  it.each([
    ['an unknown product', () => [{ productId: randomUUID(), quantity: 1 }], 'BAD_USER_INPUT', 'UNKNOWN_PRODUCT'],
    ['a malformed product id', () => [{ productId: 'abc; drop table', quantity: 1 }], 'BAD_USER_INPUT', 'MALFORMED_ID'],
    ['quantity 0', (p: string) => [{ productId: p, quantity: 0 }], 'BAD_USER_INPUT', 'OUT_OF_RANGE'],
    ['a negative quantity', (p: string) => [{ productId: p, quantity: -5 }], 'BAD_USER_INPUT', 'OUT_OF_RANGE'],
    ['a huge quantity', (p: string) => [{ productId: p, quantity: 1_000_000 }], 'BAD_USER_INPUT', 'OUT_OF_RANGE'],
    ['no lines', () => [], 'BAD_USER_INPUT', 'EMPTY'],
  ])('%s', async (_name, lines, code, reason) => {
    const product = await createProduct(stack, 5);
    const before = await writes();
    const res = await place(lines(product.id));
    expect(res.data).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(res.errors?.[0]?.extensions?.problems).toEqual(expect.arrayContaining([expect.objectContaining({ reason })]));
    expect(res.errors?.[0]?.message).not.toMatch(/at .*\.(ts|js)|Error:/);
    expect(await writes()).toBe(before);
  });

  it('preorders and items in stock go in separate orders (MIXED_PREORDER_AND_STOCK), each accepted on its own', async () => {
    const inStock = await createProduct(stack, 5);
    const preorder = await createProduct(stack, 0, 3000, { status: 'PREORDER' });
    const before = await writes();
    const mixed = await place([
      { productId: inStock.id, quantity: 1 },
      { productId: preorder.id, quantity: 1 },
    ]);
    expect(mixed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'lines', reason: 'MIXED_PREORDER_AND_STOCK' }] });
    expect(await writes()).toBe(before);
    for (const product of [inStock, preorder]) expect((await place([{ productId: product.id, quantity: 1 }])).errors).toBeUndefined();
  });

  it('a quantity beyond 32 bits is refused by the schema', async () => {
    const product = await createProduct(stack, 5);
    const before = await writes();
    const res = await place([{ productId: product.id, quantity: 2 ** 40 }]);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await writes()).toBe(before);
  });

  it('a malformed idempotency key', async () => {
    const product = await createProduct(stack, 5);
    const res = await place([{ productId: product.id, quantity: 1 }], 'x');
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('looking up a malformed or unknown order id', async () => {
    const malformed = await orderOf('not-an-id');
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await orderOf(randomUUID());
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
