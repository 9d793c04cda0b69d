import { randomUUID } from 'node:crypto';
import { orderConfirmedV1, orderPlacedV1, orderStatusChangedV1, type EventDefinition } from '@vitrine/contracts';
import { eventually, type PublishedEventInput } from '@vitrine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExamplePartner, type ExamplePartner } from './example-partner.js';
import { bootNotifications, type NotificationsHarness } from './harness.js';
import { signUpPartners } from './partner-sign-up.js';

// A burst of orders' events (what a drop leaves on the topic) is applied in batches: one select of the orders they
// name, one insert of their messages and one of their partners' deliveries per batch. This proves the effects are
// those of one event at a time: each email once, each order's deliveries in its events' order, a repeat ignored.

let n: NotificationsHarness;
let tracker: ExamplePartner;
let partnerId: string;

beforeAll(async () => {
  n = await bootNotifications('notifications_burst', { WEBHOOK_ALLOW_PLAIN_HTTP: 'true' });
  const staff = await n.tokens.staff(['notifications:write']);
  tracker = await startExamplePartner();
  ({ Tracker: partnerId } = (await signUpPartners(n, staff, [['Tracker', tracker, ['orders.order.confirmed', 'orders.order.status-changed']]])) as {
    Tracker: string;
  });
});
afterAll(async () => {
  await tracker?.stop();
  await n?.stopAll();
});

describe('a burst of orders’ events', () => {
  it('is applied in batches with the effects of one event at a time: one email each, deliveries in order, a repeat ignored', async () => {
    const customers = await Promise.all([n.newCustomer('US'), n.newCustomer('FR')]);
    const orderIds = Array.from({ length: 40 }, () => randomUUID());
    const steps = ['SECURED', 'READY_TO_FULFIL', 'IN_FULFILMENT', 'SHIPPED', 'DELIVERED'];
    const burst: PublishedEventInput<EventDefinition>[] = [];
    orderIds.forEach((orderId, i) => {
      const customerId = customers[i % 2]!.id;
      const lines = [{ productId: randomUUID(), quantity: 1, unitPrice: { amount: 100, currency: 'USD' } }];
      const order = { orderId, customerId, kind: 'IN_STOCK' as const, paymentPlan: 'IN_STOCK' as const, policyVersion: 1, lines };
      burst.push({ source: 'orders', definition: orderPlacedV1, subject: orderId, data: order });
      const money = { goodsTotal: { amount: 100, currency: 'USD' }, shippingEstimate: { amount: 0, currency: 'USD' }, nextPayment: null };
      burst.push({ source: 'orders', definition: orderConfirmedV1, subject: orderId, data: { ...order, ...money } });
      let from = 'PENDING';
      for (const to of steps) {
        burst.push({ source: 'orders', definition: orderStatusChangedV1, subject: orderId, data: { orderId, from, to } });
        from = to;
      }
    });
    // One event delivered twice within the burst: the inbox drops the second.
    const repeated = randomUUID();
    burst[8] = { ...burst[8]!, id: repeated };
    burst.splice(60, 0, { ...burst[8]! });
    const published = await n.publishAll(burst);

    // Each order: its confirmation and its delivery told (a status change to SHIPPED is told too: no shipment here).
    const expected = orderIds.length * 3;
    const messages = () =>
      n.sql<{ order_id: string; kind: string; xmin: string }>(
        `select order_id, kind, xmin::text as xmin from notifications.message where order_id in (?) order by order_id, kind`,
        [orderIds],
      );
    await eventually(async () => (await messages()).length >= expected, { timeoutMs: 30_000 });
    await eventually(
      async () =>
        (await n.sql('select 1 from notifications.inbox_processed_event where event_id in (?)', [published.map((e) => e.id)])).length === burst.length - 1,
    );
    const told = await messages();
    expect(told).toHaveLength(expected);
    for (const orderId of orderIds) {
      expect(told.filter((m) => m.order_id === orderId).map((m) => m.kind)).toEqual(['ORDER_CONFIRMED', 'ORDER_DELIVERED', 'ORDER_SHIPPED']);
    }
    // Applied in batches, not one transaction per event.
    expect(new Set(told.map((m) => m.xmin)).size).toBeLessThan(orderIds.length);

    // What each order became: its customer, its last status.
    const known = await n.sql<{ order_id: string; customer_id: string; status: string }>(
      'select order_id, customer_id, status from notifications.known_order where order_id in (?)',
      [orderIds],
    );
    expect(known).toHaveLength(orderIds.length);
    expect(known.every((k) => k.status === 'DELIVERED' && customers.some((c) => c.id === k.customer_id))).toBe(true);

    // The partner's deliveries: one per event it takes, numbered in each order's events' order.
    const deliveries = await n.sql<{ subject: string; event_id: string }>(
      'select subject, event_id from notifications.webhook_delivery where partner_id = ? and subject in (?) order by seq',
      [partnerId, orderIds],
    );
    const forPartner = published.filter((e) => e.type !== orderPlacedV1.type);
    expect(deliveries).toHaveLength(forPartner.length - 1);
    for (const orderId of orderIds) {
      const ids = [...new Set(forPartner.filter((e) => e.subject === orderId).map((e) => e.id))];
      expect(deliveries.filter((d) => d.subject === orderId).map((d) => d.event_id)).toEqual(ids);
    }
    await eventually(() => tracker.events.length >= deliveries.length, { timeoutMs: 30_000 });
    for (const orderId of orderIds) {
      expect(tracker.events.filter((e) => e.subject === orderId).map((e) => (e.type === orderConfirmedV1.type ? 'CONFIRMED' : e.data.to))).toEqual([
        'CONFIRMED',
        ...steps,
      ]);
    }
  });
});
