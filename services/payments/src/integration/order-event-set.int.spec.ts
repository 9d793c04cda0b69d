import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderCancelledV1, orderStatusChangedV1, paymentDueV1, type EventData, type EventDefinition } from '@vitrine/contracts';
import { eventually, type PublishedEventInput } from '@vitrine/testing';
import { bootPayments, type PaymentsHarness } from './harness.js';

// orders' events arrive in bursts (a drop's orders, their dues and status moves): payments takes a batch of them as
// one event set, its orders locked and read once and the plain items (a due the customer pays, a status move)
// written together. This proves the effects are those of one event at a time, in delivery order: a status for an
// order payments has not heard of changes nothing, a due for an order cancelled earlier in the burst is void, a due
// announced again is still one due, and each pay-now link is issued once, in order.

let h: PaymentsHarness;

beforeAll(async () => {
  h = await bootPayments('payments_order_event_set');
});
afterAll(async () => {
  await h?.stop();
});

const money = (amount: number) => ({ amount, currency: 'USD' });
// Every event of the burst under one key: one partition, so one delivery order (orders keys them by order).
const burstKey = randomUUID();
const fromOrders = <TDef extends EventDefinition>(definition: TDef, data: EventData<TDef>): PublishedEventInput<EventDefinition> => ({
  source: 'orders',
  definition,
  subject: burstKey,
  data,
});
const due = (customerId: string, orderId: string, goods: number, extra: Partial<EventData<typeof paymentDueV1>> = {}) =>
  fromOrders(paymentDueV1, {
    dueId: randomUUID(),
    orderId,
    customerId,
    purpose: 'DEPOSIT',
    amount: money(goods),
    goods: money(goods),
    shipping: money(0),
    dueAt: null,
    collect: 'CUSTOMER',
    paymentMethodId: null,
    ...extra,
  });
const moved = (orderId: string, from: string, to: string) => fromOrders(orderStatusChangedV1, { orderId, from, to });

describe("a burst of orders' events", () => {
  it('is taken in batches with the effects of one event at a time', async () => {
    const customer = randomUUID();
    const [paid, cancelled, free, again, stored, stranger] = Array.from({ length: 6 }, () => randomUUID()) as [string, string, string, string, string, string];
    const firstOfCancelled = due(customer, cancelled, 2_000);
    const announced = due(customer, again, 700);
    const announcedAgain = { ...announced, data: { ...(announced.data as object), dueAt: '2027-01-10T10:00:00.000Z' } };
    const afterCancel = due(customer, cancelled, 500);
    const burst = [
      // Not heard of yet: nothing kept.
      moved(paid, 'PENDING', 'AWAITING_PAYMENT'),
      due(customer, paid, 1_000),
      moved(paid, 'AWAITING_PAYMENT', 'SECURED'),
      firstOfCancelled,
      fromOrders(orderCancelledV1, {
        orderId: cancelled,
        customerId: customer,
        by: 'STAFF',
        reason: 'test',
        fee: money(0),
        refund: money(0),
        rule: { id: 'test.cancellation', text: 'Cancelled in a test.' },
        feesWaived: false,
      }),
      moved(cancelled, 'AWAITING_PAYMENT', 'CANCELLED'),
      afterCancel,
      due(customer, free, 0),
      announced,
      announcedAgain,
      due(customer, stored, 900, { collect: 'STORED_METHOD', purpose: 'CHARGE_AT_SHIP' }),
      moved(stranger, 'READY_TO_FULFIL', 'SHIPPED'),
    ];
    const published = await h.publishAll(burst);
    await eventually(
      async () => (await h.sql('select 1 from payments.inbox_processed_event where event_id in (?)', [published.map((e) => e.id)])).length === burst.length,
      { timeoutMs: 30_000 },
    );

    const orders = await h.sql<{ id: string; status: string | null; closed: boolean }>(
      `select id, status, closed_at is not null as closed from payments.known_order where id in (?)`,
      [[paid, cancelled, free, again, stored, stranger]],
    );
    const order = (id: string) => orders.find((o) => o.id === id);
    expect(order(paid)).toEqual({ id: paid, status: 'SECURED', closed: false });
    expect(order(cancelled)).toMatchObject({ status: 'CANCELLED', closed: true });
    expect(order(free)).toEqual({ id: free, status: null, closed: false });
    expect(order(stranger)).toBeUndefined();

    const dues = await h.sql<{ id: string; order_id: string; state: string; amount: string; due_at: Date | null }>(
      `select id, order_id, state, amount, due_at from payments.payment_due where order_id in (?)`,
      [[paid, cancelled, free, again, stored]],
    );
    const dueOf = (id: string) => dues.find((d) => d.id === id);
    const idOf = (input: PublishedEventInput<EventDefinition>) => (input.data as { dueId: string }).dueId;
    expect(dues.filter((d) => d.order_id === paid)).toEqual([expect.objectContaining({ state: 'OPEN', amount: '1000' })]);
    expect(dueOf(idOf(firstOfCancelled))).toMatchObject({ state: 'VOID' });
    expect(dueOf(idOf(afterCancel))).toMatchObject({ state: 'VOID', amount: '500' });
    expect(dues.filter((d) => d.order_id === free)).toEqual([expect.objectContaining({ state: 'OPEN', amount: '0' })]);
    // Announced twice: one due, with the second announcement's deadline.
    expect(dues.filter((d) => d.order_id === again)).toHaveLength(1);
    expect(new Date(dueOf(idOf(announced))!.due_at!).toISOString()).toBe('2027-01-10T10:00:00.000Z');
    // A due on a stored card went the one-event way: its charge is open.
    const intents = await h.sql(`select 1 from payments.payment_allocation where order_id = ?`, [stored]);
    expect(intents).toHaveLength(1);

    // One pay-now link per due the customer pays, when it arrived: the cancelled order's first due had one.
    const links = (await h.published('payments.payment.link-issued')).filter((e) => e.customerId === customer).map((e) => e.dueId);
    expect(links).toEqual([dues.find((d) => d.order_id === paid)!.id, idOf(firstOfCancelled), idOf(announced)]);
  });
});
