import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bootIsolatedService, gql, type IsolatedService, type TestIdentity } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { ordersService } from '../orders-service.js';
import { OrderDue } from '../store/order-due.entity.js';
import { OrderLine } from '../store/order-line.entity.js';
import { Order } from '../store/order.entity.js';
import { OrderType } from '../schema/order.type.js';
import { findOrderFor } from '../use-cases/load-order.js';
import { findOrdersByIds, listCustomerOrders, readOrderFor } from '../use-cases/read-orders.js';

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

  it('renders an order read as a row exactly as the same order loaded as an entity, every field set', async () => {
    const given = await givenOrder(customer.id);
    const em = orders.service.orm.em.fork();
    const stored = await em.findOneOrFail(Order, given.id, { populate: ['lines', 'dues'] });
    em.assign(stored, {
      statusReason: 'a reason',
      checkoutId: randomUUID(),
      depositAmount: 15000,
      downPaymentAmount: 5000,
      shippingEstimateAmount: 1200,
      shippingMethod: 'EXPRESS',
      shippingRateVersion: 3,
      shippingAddress: {
        name: 'Aiko Tan',
        line1: '1 Rue de la Paix',
        line2: 'Apt 2',
        postalCode: '75002',
        city: 'Paris',
        region: null,
        country: 'FR',
        phone: '+33123456789',
      },
      customerCountry: 'FR',
      paymentMethodId: randomUUID(),
      releasedAt: minutesAgo(15),
      arrivedAtWarehouseAt: minutesAgo(14),
      warehouseCountry: 'FR',
      shippingDateConfirmedAt: minutesAgo(13),
      processedAt: minutesAgo(12),
      shippedAt: minutesAgo(11),
      deliveredAt: minutesAgo(9),
      trackingNumber: 'TRACK-1',
      cancellationRight: { reason: 'SPEC_CHANGE', productId: given.products[0]!, closesAt: minutesAgo(-60).toISOString() },
      cancellationRequestedAt: minutesAgo(8),
      outcome: {
        kind: 'CANCELLED',
        by: 'STAFF',
        reason: 'STORE_DECISION',
        kept: 100,
        refund: 200,
        rule: { id: 'r', text: 'rule text' },
        feesWaived: false,
        countsTowardAbuse: false,
        at: minutesAgo(7).toISOString(),
      },
    });
    const balance = stored.dues.getItems().find((d) => d.purpose === 'BALANCE')!;
    em.assign(balance, { dueAt: minutesAgo(-1440), ruleText: 'due on release', lastFailure: 'card declined', collect: 'STORED_METHOD' });
    await em.flush();

    const owner = { id: customer.id, roles: ['customer'], scopes: [] };
    const read = await readOrderFor(orders.service.orm.em.fork(), owner, given.id);
    const loaded = await findOrderFor(orders.service.orm.em.fork(), owner, given.id);
    const rendered = OrderType.of(read);
    expect(rendered).toEqual(OrderType.from(loaded));
    // The same row through the customer's list and the gateway's batch by id.
    const listed = await listCustomerOrders(orders.service.orm.em.fork(), customer.id, 50);
    expect(OrderType.of(listed.find((r) => r.order.id === given.id)!)).toEqual(rendered);
    const [byId, missing] = await findOrdersByIds(orders.service.orm.em.fork(), [given.id, randomUUID()]);
    expect(OrderType.of(byId!)).toEqual(rendered);
    expect(missing).toBeNull();
    expect(rendered.placedAt).toBeInstanceOf(Date);
    expect(rendered.dues.find((d) => d.purpose === 'BALANCE')?.dueAt).toBeInstanceOf(Date);
    expect(rendered.shippingAddress?.line2).toBe('Apt 2');
  });
});
