import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderConfirmedV1, orderStatusChangedV1, paymentDueV1, stockRejectedV1, stockReservedV1, type EventDefinition } from '@vitrine/contracts';
import { bootIsolatedService, eventually, type IsolatedService, type PublishedEventInput, type TestIdentity } from '@vitrine/testing';
import type { OrderStatus } from '../domain/order-status.js';
import { ordersService } from '../orders-service.js';
import { OrderLine } from '../store/order-line.entity.js';
import { Order } from '../store/order.entity.js';
import { paymentDeadlineTimer } from '../use-cases/order-life.js';

// Catalog's answers arrive in bursts (a drop day's reservations): orders applies a batch of them as one event set,
// its orders locked and read in one statement and its changes written as plain rows in one. This proves the effects
// are those of one answer at a time: each order moved once (a second answer for it, or an answer for an order
// cancelled meanwhile, changes nothing), the due at order opened with its deadline timer, and each order's events in
// the order one answer alone writes them.

let orders: IsolatedService;
let customer: TestIdentity;

beforeAll(async () => {
  orders = await bootIsolatedService(ordersService, { label: 'orders_stock_answers' });
  customer = await orders.tokens.customer();
});
afterAll(async () => {
  await orders?.stop();
});

/** An order as checkout leaves it, waiting for catalog: with a full payment due at order, or none (a preorder). */
async function pending(payAtOrder: boolean, status: OrderStatus = 'PENDING'): Promise<string> {
  const em = orders.service.orm.em.fork();
  const id = randomUUID();
  const order = em.create(Order, {
    id,
    customerId: customer.id,
    status,
    totalAmount: 5000,
    currency: 'USD',
    kind: payAtOrder ? 'IN_STOCK' : 'PREORDER',
    paymentPlan: payAtOrder ? 'IN_STOCK' : 'PAY_ON_ARRIVAL',
    policyVersion: 1,
    payAtOrder: payAtOrder ? { purpose: 'FULL_PAYMENT', goods: 5000, shipping: 700 } : null,
    shippingEstimateAmount: 700,
    placedAt: new Date(Date.now() - 60_000),
  });
  em.create(OrderLine, { id: randomUUID(), order, position: 0, productId: randomUUID(), quantity: 2, unitPriceAmount: 2500 });
  await em.flush();
  return id;
}

const reserved = (orderId: string): PublishedEventInput<EventDefinition> => ({
  source: 'catalog',
  definition: stockReservedV1,
  subject: orderId,
  data: { orderId, lines: [{ productId: randomUUID(), quantity: 2 }] },
});
const rejected = (orderId: string): PublishedEventInput<EventDefinition> => ({
  source: 'catalog',
  definition: stockRejectedV1,
  subject: orderId,
  data: { orderId, reason: 'INSUFFICIENT_STOCK', shortLines: [] },
});

describe('a burst of catalog’s stock answers', () => {
  it('is applied in batches with the effects of one answer at a time', async () => {
    const inStock = await Promise.all(Array.from({ length: 20 }, () => pending(true)));
    const preorders = await Promise.all(Array.from({ length: 10 }, () => pending(false)));
    const refused = await Promise.all(Array.from({ length: 5 }, () => pending(true)));
    const cancelled = await pending(true, 'CANCELLED');
    const burst = [...inStock.map(reserved), ...preorders.map(reserved), ...refused.map(rejected), reserved(cancelled)];
    // A second answer for an order answered earlier in the burst: it is no longer PENDING by then.
    burst.push(rejected(inStock[0]!), reserved(refused[0]!));
    const published = await orders.publishAll(burst);

    await eventually(
      async () => (await orders.sql('select 1 from orders.inbox_processed_event where event_id in (?)', [published.map((e) => e.id)])).length === burst.length,
      { timeoutMs: 30_000 },
    );
    const rows = await orders.sql<{ id: string; status: string; status_reason: string | null; xmin: string; updated_at: Date; created_at: Date }>(
      `select id, status, status_reason, xmin::text as xmin, updated_at, created_at from orders.customer_order where id in (?)`,
      [[...inStock, ...preorders, ...refused, cancelled]],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of inStock) expect(byId.get(id)).toMatchObject({ status: 'AWAITING_PAYMENT', status_reason: null });
    for (const id of preorders) expect(byId.get(id)).toMatchObject({ status: 'SECURED', status_reason: null });
    for (const id of refused) expect(byId.get(id)).toMatchObject({ status: 'REJECTED', status_reason: 'INSUFFICIENT_STOCK' });
    expect(byId.get(cancelled)).toMatchObject({ status: 'CANCELLED' });
    // The row change went through the entity's update hook, and the orders moved in fewer transactions than answers.
    const at = (value: Date | string) => new Date(value).getTime();
    for (const id of [...inStock, ...preorders, ...refused]) expect(at(byId.get(id)!.updated_at)).toBeGreaterThan(at(byId.get(id)!.created_at));
    expect(new Set([...inStock, ...preorders, ...refused].map((id) => byId.get(id)!.xmin)).size).toBeLessThan(inStock.length + preorders.length);

    // One due at order per paid order, OPEN, with its deadline from the policy and a timer armed for it.
    const dues = await orders.sql<{
      id: string;
      order_id: string;
      status: string;
      purpose: string;
      goods_amount: number;
      shipping_amount: number;
      due_at: Date;
    }>(`select id, order_id, status, purpose, goods_amount, shipping_amount, due_at from orders.order_due where order_id in (?)`, [
      [...inStock, ...preorders, ...refused, cancelled],
    ]);
    expect(dues.map((d) => d.order_id).sort()).toEqual([...inStock].sort());
    for (const due of dues) {
      expect(due).toMatchObject({ status: 'OPEN', purpose: 'FULL_PAYMENT', goods_amount: 5000, shipping_amount: 700 });
      expect(due.due_at).not.toBeNull();
    }
    const timers = await orders.sql<{ key: string; due_at: Date; payload: { orderId: string } }>(
      `select key, due_at, payload from orders.scheduled_timer where kind = ? and key in (?)`,
      [paymentDeadlineTimer, dues.map((d) => d.id)],
    );
    expect(timers).toHaveLength(dues.length);
    const dueById = new Map(dues.map((d) => [d.id, d]));
    for (const timer of timers) {
      expect(at(timer.due_at)).toBe(at(dueById.get(timer.key)!.due_at));
      expect(timer.payload.orderId).toBe(dueById.get(timer.key)!.order_id);
    }

    // Each order's events in the order one answer writes them: PaymentDue (paid orders), the move, OrderConfirmed.
    const events = await orders.sql<{ key: string; type: string; envelope: { data: Record<string, unknown> } }>(
      `select key, type, envelope from orders.outbox_message where key in (?) and type in (?) order by seq`,
      [
        [...inStock, ...preorders, ...refused, cancelled],
        [paymentDueV1.type, orderStatusChangedV1.type, orderConfirmedV1.type],
      ],
    );
    const typesOf = (id: string) => events.filter((e) => e.key === id).map((e) => e.type);
    for (const id of inStock) expect(typesOf(id)).toEqual([paymentDueV1.type, orderStatusChangedV1.type, orderConfirmedV1.type]);
    for (const id of preorders) expect(typesOf(id)).toEqual([orderStatusChangedV1.type, orderConfirmedV1.type]);
    for (const id of refused) expect(typesOf(id)).toEqual([orderStatusChangedV1.type]);
    expect(typesOf(cancelled)).toEqual([]);
    const confirmed = events.find((e) => e.key === inStock[1] && e.type === orderConfirmedV1.type)!.envelope.data;
    expect(confirmed).toMatchObject({
      orderId: inStock[1],
      customerId: customer.id,
      goodsTotal: { amount: 5000, currency: 'USD' },
      shippingEstimate: { amount: 700, currency: 'USD' },
      nextPayment: { purpose: 'FULL_PAYMENT', amount: { amount: 5700, currency: 'USD' } },
    });
    expect((confirmed.lines as unknown[])[0]).toMatchObject({ quantity: 2, unitPrice: { amount: 2500, currency: 'USD' } });
    const due = events.find((e) => e.key === inStock[1] && e.type === paymentDueV1.type)!.envelope.data;
    expect(due).toMatchObject({
      orderId: inStock[1],
      collect: 'CUSTOMER',
      amount: { amount: 5700, currency: 'USD' },
      dueId: dues.find((d) => d.order_id === inStock[1])!.id,
    });
    const refusal = events.find((e) => e.key === refused[1] && e.type === orderStatusChangedV1.type)!.envelope.data;
    expect(refusal).toEqual({ orderId: refused[1], from: 'PENDING', to: 'REJECTED', reason: 'INSUFFICIENT_STOCK' });
  });
});
