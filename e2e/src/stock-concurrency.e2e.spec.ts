import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, gql } from '@vitrine/testing';
import { count } from './support/sql.js';
import { createProduct, placeOrderMutation, startTestStack, stockOf, type TestStack } from './support/stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ label: 'concurrency' });
});
afterAll(async () => {
  await stack?.stop();
});

const statusCounts = async (ids: string[]) => {
  const rows = await stack.orders.orm.em.fork().getConnection().execute<{ status: string; n: string }[]>(
    'select status, count(*) as n from orders.customer_order where id in (?) group by status',
    [ids],
  );
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
};

describe('limited stock never oversells', () => {
  it('200 concurrent orders for 50 units: exactly 50 confirmed, 150 rejected, stock 0', async () => {
    const product = await createProduct(stack, 50);
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        gql(stack.orders.url, placeOrderMutation, { input: { lines: [{ productId: product.id, quantity: 1 }] }, key: randomUUID() }, stack.customer.headers),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const ids = results.map((r) => r.data.placeOrder.id as string);

    await eventually(async () => (await statusCounts(ids)).PENDING === undefined, { timeoutMs: 60_000 });
    expect(await statusCounts(ids)).toEqual({ CONFIRMED: 50, REJECTED: 150 });
    expect(await stockOf(stack, product.id)).toBe(0);
    expect(await count(stack, 'select coalesce(sum(quantity), 0) as n from catalog.stock_reservation where product_id = ?', [product.id])).toBe(50);
  });

  it('mixed quantities across two products: reserved units reconcile exactly with stock', async () => {
    const a = await createProduct(stack, 30);
    const b = await createProduct(stack, 20);
    const requests = Array.from({ length: 80 }, (_, i) => ({
      lines: [
        { productId: a.id, quantity: 1 + (i % 3) },
        ...(i % 2 === 0 ? [{ productId: b.id, quantity: 1 + (i % 2) }] : []),
      ],
    }));
    const results = await Promise.all(
      requests.map((input) => gql(stack.orders.url, placeOrderMutation, { input, key: randomUUID() }, stack.customer.headers)),
    );
    const ids = results.map((r) => r.data.placeOrder.id as string);
    await eventually(async () => (await statusCounts(ids)).PENDING === undefined, { timeoutMs: 60_000 });

    for (const [product, initial] of [[a, 30], [b, 20]] as const) {
      const reserved = await count(stack, 'select coalesce(sum(quantity), 0) as n from catalog.stock_reservation where product_id = ?', [product.id]);
      const confirmedUnits = await count(
        stack,
        `select coalesce(sum(l.quantity), 0) as n from orders.order_line l join orders.customer_order o on o.id = l.order_id
          where o.status = 'CONFIRMED' and l.product_id = ?`,
        [product.id],
      );
      const stock = await stockOf(stack, product.id);
      expect(stock).toBeGreaterThanOrEqual(0);
      expect(stock + reserved).toBe(initial);
      expect(confirmedUnits).toBe(reserved);
    }
  });
});
