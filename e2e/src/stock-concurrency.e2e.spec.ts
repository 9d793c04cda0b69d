import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, gql } from '@vitrine/testing';
import { graphql } from './__generated__/index.js';
import { count } from './support/sql.js';
import type { Identity } from './support/identities.js';
import { createProduct, placeOrderMutation, startTestStack, stockOf, type TestStack } from './support/stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ label: 'concurrency' });
});
afterAll(async () => {
  await stack?.stop();
});

const statusCounts = async (ids: string[]) => {
  const rows = await stack.orders.orm.em
    .fork()
    .getConnection()
    .execute<{ status: string; n: string }[]>('select status, count(*) as n from orders.customer_order where id in (?) group by status', [ids]);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
};

/**
 * Runs `task(0)` to `task(n - 1)` with at most `limit` in flight, results in order. The gateway shares this
 * process with every service, so a thousand sockets at once overflow its accept queue and get reset:
 * 250 at a time still race each other (and catalog's reservations race on the broker's partitions).
 */
async function concurrently<T>(n: number, limit: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, n) }, worker));
  return results;
}

// Generous time limits: the full suite runs two files at once on two shared cores, and every order
// here travels gateway -> orders -> Kafka -> catalog -> Kafka -> orders.
describe('limited stock never oversells', () => {
  it('200 concurrent orders for 50 units: exactly 50 confirmed, 150 rejected, stock 0', async () => {
    const product = await createProduct(stack, 50);
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        gql(stack.gatewayUrl, placeOrderMutation, { input: { lines: [{ productId: product.id, quantity: 1 }] }, key: randomUUID() }, stack.customer.headers),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const ids = results.map((r) => r.data!.placeOrder.id);

    await eventually(async () => (await statusCounts(ids)).PENDING === undefined, { timeoutMs: 60_000 });
    expect(await statusCounts(ids)).toEqual({ AWAITING_PAYMENT: 50, REJECTED: 150 });
    expect(await stockOf(stack, product.id)).toBe(0);
    expect(await count(stack, 'select coalesce(sum(quantity), 0) as n from catalog.stock_reservation where product_id = ?', [product.id])).toBe(50);
  }, 120_000);

  it('mixed quantities across two products: reserved units reconcile exactly with stock', async () => {
    const a = await createProduct(stack, 30);
    const b = await createProduct(stack, 20);
    const requests = Array.from({ length: 80 }, (_, i) => ({
      lines: [{ productId: a.id, quantity: 1 + (i % 3) }, ...(i % 2 === 0 ? [{ productId: b.id, quantity: 1 + (i % 2) }] : [])],
    }));
    const results = await Promise.all(requests.map((input) => gql(stack.gatewayUrl, placeOrderMutation, { input, key: randomUUID() }, stack.customer.headers)));
    const ids = results.map((r) => r.data!.placeOrder.id);
    await eventually(async () => (await statusCounts(ids)).PENDING === undefined, { timeoutMs: 60_000 });

    for (const [product, initial] of [
      [a, 30],
      [b, 20],
    ] as const) {
      const reserved = await count(stack, 'select coalesce(sum(quantity), 0) as n from catalog.stock_reservation where product_id = ?', [product.id]);
      const confirmedUnits = await count(
        stack,
        `select coalesce(sum(l.quantity), 0) as n from orders.order_line l join orders.customer_order o on o.id = l.order_id
          where o.status = 'AWAITING_PAYMENT' and l.product_id = ?`,
        [product.id],
      );
      const stock = await stockOf(stack, product.id);
      expect(stock).toBeGreaterThanOrEqual(0);
      expect(stock + reserved).toBe(initial);
      expect(confirmedUnits).toBe(reserved);
    }
  }, 120_000);

  it('drop: 1,000 concurrent preorders from 60 customers for a limited run of 100: exactly 100 reserved, the rest rejected (or refused once sold out), no negative counter, the ledger reconciles', async () => {
    const run = await createProduct(stack, 0, 24900, { status: 'PREORDER', limitedQuantity: 100 });
    const customers: Identity[] = [];
    // argon2id at register and sign-in: a few at a time.
    while (customers.length < 60) customers.push(...(await Promise.all(Array.from({ length: 6 }, () => stack.newCustomer()))));

    const results = await concurrently(1000, 250, (i) =>
      gql(
        stack.gatewayUrl,
        placeOrderMutation,
        { input: { lines: [{ productId: run.id, quantity: 1 }] }, key: randomUUID() },
        customers[i % customers.length]!.headers,
      ),
    );
    // Each order is acknowledged, or refused up front once orders has heard that the run sold out (catalog closes the
    // window with the 100th unit, and a fast consumer hears it while later requests are still arriving).
    const refused = results.filter((r) => r.errors);
    expect(refused.filter((r) => r.errors!.some((e) => (e.extensions?.problems as { reason: string }[] | undefined)?.[0]?.reason !== 'NOT_ORDERABLE'))).toEqual(
      [],
    );
    const ids = results.filter((r) => !r.errors).map((r) => r.data!.placeOrder.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length + refused.length).toBe(1000);

    await eventually(async () => (await statusCounts(ids)).PENDING === undefined, { timeoutMs: 150_000 });
    expect(await statusCounts(ids)).toEqual({ AWAITING_PAYMENT: 100, REJECTED: ids.length - 100 });
    // Every one turned down because the run was short, also after the 100th unit closed the window (SOLD_OUT).
    expect(
      await count(stack, `select count(*) as n from orders.customer_order where id in (?) and status = 'REJECTED' and status_reason <> 'INSUFFICIENT_STOCK'`, [
        ids,
      ]),
    ).toBe(0);
    const [window] = await stack.catalog.orm.em
      .fork()
      .getConnection()
      .execute<{ state: string; close_reason: string; status: string }[]>(
        'select c.state, c.close_reason, p.status from catalog.preorder_campaign c join catalog.product p on p.id = c.product_id where c.product_id = ?',
        [run.id],
      );
    expect(window).toEqual({ state: 'CLOSED', close_reason: 'SOLD_OUT', status: 'PREORDER_CLOSED' });
    // The units went to many customers, not one.
    expect(
      await count(stack, `select count(distinct customer_id) as n from orders.customer_order where id in (?) and status = 'AWAITING_PAYMENT'`, [ids]),
    ).toBeGreaterThan(1);

    const pool = await stack.catalog.orm.em
      .fork()
      .getConnection()
      .execute<{ capacity: number; reserved: number }[]>('select capacity, reserved from catalog.preorder_allocation where product_id = ?', [run.id]);
    expect(pool).toEqual([{ capacity: 100, reserved: 100 }]);
    // Reservations and confirmed orders are the same 100 orders, one unit each.
    const reservedOrders = await stack.catalog.orm.em
      .fork()
      .getConnection()
      .execute<{ order_id: string; quantity: number }[]>(
        `select order_id, quantity from catalog.stock_reservation where product_id = ? and state = 'RESERVED'`,
        [run.id],
      );
    expect(reservedOrders).toHaveLength(100);
    expect(reservedOrders.every((r) => r.quantity === 1)).toBe(true);
    const confirmedIds = await stack.orders.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(`select id from orders.customer_order where id in (?) and status = 'AWAITING_PAYMENT'`, [ids]);
    expect(reservedOrders.map((r) => r.order_id).sort()).toEqual(confirmedIds.map((r) => r.id).sort());
    // No counter anywhere went negative or past its bound (the CHECKs hold; this is what a reader sees).
    expect(await count(stack, 'select count(*) as n from catalog.warehouse_stock where reserved < 0 or on_hand < 0 or reserved > on_hand')).toBe(0);
    expect(await count(stack, 'select count(*) as n from catalog.preorder_allocation where reserved < 0 or reserved > capacity')).toBe(0);
    // The ledger: 100 RESERVED movements of one unit on the pool, nothing else, and it adds up to the counters.
    expect(
      await count(
        stack,
        `select count(*) as n from catalog.stock_movement where product_id = ? and warehouse_id is null and kind = 'RESERVED' and quantity = 1`,
        [run.id],
      ),
    ).toBe(100);
    expect(await count(stack, 'select count(*) as n from catalog.stock_movement where product_id = ?', [run.id])).toBe(100);
    const reconciliation = await gql(
      stack.gatewayUrl,
      graphql(`
        query ConcurrencyReconciliation($ids: [ID!]!) {
          stockReconciliation(productIds: $ids) {
            productId
          }
        }
      `),
      { ids: [run.id] },
      stack.admin.headers,
    );
    expect(reconciliation.data!.stockReconciliation).toEqual([]);
    const product = await gql(
      stack.gatewayUrl,
      graphql(`
        query ConcurrencyAvailable($id: ID!) {
          product(id: $id) {
            availableQuantity
          }
        }
      `),
      { id: run.id },
    );
    expect(product.data!.product!.availableQuantity).toBe(0);
  }, 400_000);
});
