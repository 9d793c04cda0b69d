import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService, ServiceDefinition } from '@vitrine/platform';
import { bootService, eventually, gql } from '@vitrine/testing';
import { createProduct, placeOrderMutation, startTestStack, type TestStack } from './support/stack.js';

// A backlog of catalog's answers (catalog was down while orders were placed)
// reaches orders in batches, which it applies as sets: one select locks a
// batch's orders, and the batch's effects commit together. The
// effects are those of one answer at a time: each order moved once, by its own
// answer, a unit held or refused as catalog decided.
let stack: TestStack<'accounts' | 'catalog' | 'orders'>;
let catalogAgain: RunningService | undefined;

beforeAll(async () => {
  stack = await startTestStack({ label: 'stock_backlog', only: ['orders'] });
});
afterAll(async () => {
  await catalogAgain?.stop();
  await stack?.stop();
});

const rows = <T>(sql: string, params: unknown[] = []) => stack.orders.orm.em.fork().getConnection().execute<T[]>(sql, params);

describe("catalog's answers applied as sets", () => {
  it('30 orders placed while catalog is down: 20 units held, 10 refused, each order moved once, answers applied several to a transaction', async () => {
    const product = await createProduct(stack, 20);
    await stack.catalog.stop();

    const placed: string[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await gql(
        stack.orders.url,
        placeOrderMutation,
        { input: { lines: [{ productId: product.id, quantity: 1 }] }, key: randomUUID() },
        stack.customer.headers,
      );
      expect(res.errors).toBeUndefined();
      placed.push(res.data!.placeOrder.id);
    }

    // Catalog comes back to 30 OrderPlaced at once: it decides them in batches and its relay publishes the answers together.
    const { service } = (await import('@vitrine/catalog')) as { service: ServiceDefinition<any> };
    catalogAgain = await bootService(service, {
      databaseUrl: stack.databaseUrl,
      topicPrefix: stack.topicPrefix,
      extra: { AUTH_JWKS_URL: new URL('/.well-known/jwks.json', stack.accounts.url).toString() },
    });

    const statuses = async () =>
      Object.fromEntries(
        (await rows<{ status: string; n: string }>('select status, count(*) as n from orders.customer_order where id in (?) group by status', [placed])).map(
          (r) => [r.status, Number(r.n)],
        ),
      );
    await eventually(async () => (await statuses()).PENDING === undefined, { timeoutMs: 60_000 });
    expect(await statuses()).toEqual({ AWAITING_PAYMENT: 20, REJECTED: 10 });

    // Each order moved once: one status change out of PENDING, one confirmation and one due per held order.
    const events = await rows<{ type: string; key: string; n: string }>(
      `select type, key, count(*) as n from orders.outbox_message where key in (?) and type <> 'orders.order.placed' group by type, key`,
      [placed],
    );
    const perType = (type: string) => events.filter((e) => e.type === type);
    expect(perType('orders.order.status-changed')).toHaveLength(30);
    expect(perType('orders.order.confirmed')).toHaveLength(20);
    expect(perType('orders.order.payment-due')).toHaveLength(20);
    expect(events.every((e) => Number(e.n) === 1)).toBe(true);

    // A row carries the id of the (sub)transaction that inserted it: one answer per transaction, or per savepoint,
    // would give every due its own. Dues are not updated before they are paid, so their xmin is still the inserting one.
    const savepoints = await rows<{ xid: string; n: string }>(
      'select xmin::text as xid, count(*) as n from orders.order_due where order_id in (?) group by xmin::text',
      [placed],
    );
    expect(savepoints.reduce((sum, s) => sum + Number(s.n), 0)).toBe(20);
    expect(Math.max(...savepoints.map((s) => Number(s.n)))).toBeGreaterThan(1);
  });
});
