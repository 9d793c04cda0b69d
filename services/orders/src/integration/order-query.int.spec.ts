import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bootIsolatedService, gql, type IsolatedService, type TestIdentity } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { ordersService } from '../orders-service.js';
import { OrderDue } from '../store/order-due.entity.js';
import { OrderLine } from '../store/order-line.entity.js';
import { Order } from '../store/order.entity.js';

// The order query reads an order with its lines and dues joined in one statement: each line and each due once, in
// their order (lines by position, dues oldest first), whatever the number of rows the join multiplies them into.

const orderQuery = graphql(`
  query OrderQueryRead($id: ID!) {
    order(id: $id) {
      id
      lines {
        quantity
        product {
          id
        }
      }
      dues {
        id
        purpose
        status
      }
      nextPayment {
        id
      }
    }
  }
`);

let orders: IsolatedService;
let customer: TestIdentity;

beforeAll(async () => {
  orders = await bootIsolatedService(ordersService, { label: 'orders_order_query', transport: 'embedded' });
  customer = await orders.tokens.customer();
});
afterAll(async () => {
  await orders?.stop();
});

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/** An order of three lines, stored out of their positions' order, and two dues, the newer stored first. */
async function givenOrder(customerId: string) {
  const em = orders.service.orm.em.fork();
  const order = em.create(Order, {
    id: randomUUID(),
    customerId,
    status: 'PAYMENT_DUE',
    totalAmount: 60000,
    currency: 'USD',
    kind: 'PREORDER',
    paymentPlan: 'DEPOSIT',
    policyVersion: 1,
    placedAt: minutesAgo(30),
    firstPaidAt: minutesAgo(20),
  });
  const products = [randomUUID(), randomUUID(), randomUUID()];
  for (const position of [2, 0, 1]) {
    em.create(OrderLine, { id: randomUUID(), order, position, productId: products[position]!, quantity: position + 1, unitPriceAmount: 10000 });
  }
  const balance = em.create(OrderDue, {
    id: randomUUID(),
    order,
    purpose: 'BALANCE',
    status: 'OPEN',
    collect: 'CUSTOMER',
    goodsAmount: 45000,
    shippingAmount: 0,
    createdAt: minutesAgo(10),
  });
  const deposit = em.create(OrderDue, {
    id: randomUUID(),
    order,
    purpose: 'DEPOSIT',
    status: 'PAID',
    collect: 'CUSTOMER',
    goodsAmount: 15000,
    shippingAmount: 0,
    paidAt: minutesAgo(20),
    createdAt: minutesAgo(25),
  });
  await em.flush();
  return { id: order.id, products, dues: { deposit: deposit.id, balance: balance.id } };
}

describe('the order query', () => {
  it('gives each line and each due once, in order, from one statement', async () => {
    const given = await givenOrder(customer.id);
    const logger = orders.service.orm.config.getLogger();
    const spy = vi.spyOn(logger, 'logQuery');
    let statements: string[];
    try {
      const res = await gql(orders.url, orderQuery, { id: given.id }, customer.headers);
      expect(res.errors).toBeUndefined();
      statements = spy.mock.calls.map(([context]) => context.query ?? '');

      const order = res.data!.order;
      expect(order.lines.map((l) => [l.product.id, l.quantity])).toEqual([
        [given.products[0], 1],
        [given.products[1], 2],
        [given.products[2], 3],
      ]);
      expect(order.dues.map((d) => [d.id, d.purpose, d.status])).toEqual([
        [given.dues.deposit, 'DEPOSIT', 'PAID'],
        [given.dues.balance, 'BALANCE', 'OPEN'],
      ]);
      expect(order.nextPayment?.id).toBe(given.dues.balance);
    } finally {
      spy.mockRestore();
    }
    expect(
      statements.filter((q) => /customer_order|order_line|order_due/.test(q)),
      statements.join('\n'),
    ).toHaveLength(1);
  });

  it("answers NOT_FOUND for another customer's order, as for one that does not exist", async () => {
    const given = await givenOrder(customer.id);
    const stranger = await orders.tokens.customer();

    for (const id of [given.id, randomUUID()]) {
      const res = await gql(orders.url, orderQuery, { id }, stranger.headers);
      expect(res.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    }
  });
});
