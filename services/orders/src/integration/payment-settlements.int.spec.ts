import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderStatusChangedV1, paymentAuthorizedV1, paymentSucceededV1, type EventDefinition } from '@vitrine/contracts';
import { bootIsolatedService, eventually, type IsolatedService, type PublishedEventInput, type TestIdentity } from '@vitrine/testing';
import type { DueStatus } from '../domain/order-snapshot.js';
import type { OrderStatus } from '../domain/order-status.js';
import { ordersService } from '../orders-service.js';
import { OrderDue } from '../store/order-due.entity.js';
import { OrderLine } from '../store/order-line.entity.js';
import { Order } from '../store/order.entity.js';

// Payments' settlements arrive in bursts (a drop's deposits): orders applies a batch of them as one event set, its
// orders locked in one select. This proves the effects are those of one settlement at a time: each due settled
// once (a duplicate event, a second payment of a paid due and a payment of a cancelled order change nothing), one
// payment settling two orders' dues, the held (charge at ship) outcome, and each moved order announced once.

let orders: IsolatedService;
let customer: TestIdentity;

beforeAll(async () => {
  orders = await bootIsolatedService(ordersService, { label: 'orders_settlements' });
  customer = await orders.tokens.customer();
});
afterAll(async () => {
  await orders?.stop();
});

/** An in-stock order waiting for its one payment, as orders' own steps leave it. */
async function awaitingPayment(status: OrderStatus = 'AWAITING_PAYMENT', dueStatus: DueStatus = 'OPEN'): Promise<{ orderId: string; dueId: string }> {
  const em = orders.service.orm.em.fork();
  const orderId = randomUUID();
  const dueId = randomUUID();
  const order = em.create(Order, {
    id: orderId,
    customerId: customer.id,
    status,
    totalAmount: 5000,
    currency: 'USD',
    kind: 'IN_STOCK',
    paymentPlan: 'IN_STOCK',
    policyVersion: 1,
    placedAt: new Date(Date.now() - 60_000),
  });
  em.create(OrderLine, { id: randomUUID(), order, position: 0, productId: randomUUID(), quantity: 1, unitPriceAmount: 5000 });
  em.create(OrderDue, { id: dueId, order, purpose: 'FULL_PAYMENT', status: dueStatus, collect: 'CUSTOMER', goodsAmount: 5000, shippingAmount: 0 });
  await em.flush();
  return { orderId, dueId };
}

const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('a burst of payments’ settlements', () => {
  it('is applied in batches with the effects of one settlement at a time', async () => {
    const single = await Promise.all(Array.from({ length: 30 }, () => awaitingPayment()));
    const together = await Promise.all([awaitingPayment(), awaitingPayment()]);
    const held = await awaitingPayment();
    const cancelled = await awaitingPayment('CANCELLED', 'VOID');
    const succeededAt = new Date(Date.now() - 1_000).toISOString();
    const paid = (allocations: { orderId: string; dueId: string }[], paymentId: string = randomUUID(), id?: string): PublishedEventInput<EventDefinition> => ({
      source: 'payments',
      definition: paymentSucceededV1,
      subject: paymentId,
      id,
      data: {
        paymentId,
        customerId: customer.id,
        purpose: 'FULL_PAYMENT',
        amount: usd(5000 * allocations.length),
        allocations: allocations.map((a) => ({ ...a, amount: usd(5000) })),
        provider: 'sandbox',
        succeededAt,
      },
    });
    const burst = single.map((allocation) => paid([allocation]));
    // The same event twice, and a second payment of an order already paid in this burst.
    const repeatedId = randomUUID();
    burst[3] = paid([single[3]!], (burst[3]!.data as { paymentId: string }).paymentId, repeatedId);
    burst.push({ ...burst[3]! });
    const secondPayment = paid([single[5]!]);
    burst.push(secondPayment, paid(together), paid([cancelled]));
    const heldId = randomUUID();
    burst.push({
      source: 'payments',
      definition: paymentAuthorizedV1,
      subject: heldId,
      data: {
        paymentId: heldId,
        customerId: customer.id,
        purpose: 'FULL_PAYMENT',
        amount: usd(5000),
        allocations: [{ ...held, amount: usd(5000) }],
        provider: 'sandbox',
        authorizedAt: succeededAt,
      },
    });
    const published = await orders.publishAll(burst);

    await eventually(
      async () =>
        (await orders.sql('select 1 from orders.inbox_processed_event where event_id in (?)', [published.map((e) => e.id)])).length === burst.length - 1,
      { timeoutMs: 30_000 },
    );
    const all = [...single, ...together, held, cancelled];
    const rows = await orders.sql<{
      id: string;
      status: string;
      first_paid_at: Date | null;
      xmin: string;
      due_status: string;
      payment_id: string | null;
      paid_at: Date | null;
    }>(
      `select o.id, o.status, o.first_paid_at, o.xmin::text as xmin, d.status as due_status, d.payment_id, d.paid_at
         from orders.customer_order o join orders.order_due d on d.order_id = o.id where o.id in (?)`,
      [all.map((a) => a.orderId)],
    );
    const byOrder = new Map(rows.map((r) => [r.id, r]));
    const paymentsOf = (orderId: string) =>
      published
        .filter((e) => (e.data as { allocations: { orderId: string }[] }).allocations.some((a) => a.orderId === orderId))
        .map((e) => (e.data as { paymentId: string }).paymentId);
    for (const { orderId } of [...single, ...together]) {
      // Settled by one payment that named it: single[5] was paid twice (two payments, keyed apart: either may come
      // first), and the later one found it paid.
      expect(byOrder.get(orderId)).toMatchObject({ status: 'READY_TO_FULFIL', due_status: 'PAID' });
      expect(paymentsOf(orderId)).toContain(byOrder.get(orderId)!.payment_id);
      expect(new Date(byOrder.get(orderId)!.paid_at!).toISOString()).toBe(succeededAt);
      expect(byOrder.get(orderId)!.first_paid_at).not.toBeNull();
    }
    expect(byOrder.get(held.orderId)).toMatchObject({ status: 'READY_TO_FULFIL', due_status: 'HELD', paid_at: null, first_paid_at: null });
    expect(byOrder.get(cancelled.orderId)).toMatchObject({ status: 'CANCELLED', due_status: 'VOID', payment_id: null });
    // Batched: the orders moved in fewer transactions than settlements.
    expect(new Set(rows.map((r) => r.xmin)).size).toBeLessThan(single.length);

    // Each moved order announced its move once.
    const moves = await orders.sql<{ key: string; n: number }>(
      `select key, count(*)::int as n from orders.outbox_message where type = ? and key in (?) group by key`,
      [orderStatusChangedV1.type, all.map((a) => a.orderId)],
    );
    expect(moves.map((m) => m.n)).toEqual(Array(single.length + together.length + 1).fill(1));
    expect(moves.map((m) => m.key).sort()).toEqual([...single, ...together, held].map((a) => a.orderId).sort());
  });
});
