import { randomUUID } from 'node:crypto';
import { customerRegisteredV1, orderCancelledV1, publicTopics, shipmentDeliveredV1 } from '@vitrine/contracts';
import { eventually, listenToTopic, type TopicListener } from '@vitrine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootNotifications, type NotificationsHarness } from './harness.js';

// Partners who prefer Kafka read the public topics: the public events,
// forwarded as they happened (same id, source and time), read here off the
// real broker. Account events never reach them, and a redelivered event is
// forwarded once.
let n: NotificationsHarness;
let orderTopic: TopicListener;
let shipmentTopic: TopicListener;

beforeAll(async () => {
  n = await bootNotifications('notifications_public_topics');
  [orderTopic, shipmentTopic] = await Promise.all([listenToTopic(n, publicTopics.ordersOrder), listenToTopic(n, publicTopics.logisticsShipment)]);
});
afterAll(async () => {
  await Promise.all([orderTopic?.stop(), shipmentTopic?.stop()]);
  await n?.stop();
});

describe('public topics', () => {
  it("carry a public event as it happened, once, keyed by its subject; an event nothing here emails about too; never an account's", async () => {
    const orderId = randomUUID();
    const customerId = randomUUID();
    const cancelled = {
      orderId,
      customerId,
      by: 'CUSTOMER' as const,
      reason: 'Cancelled by the customer.',
      fee: { amount: 0, currency: 'USD' },
      refund: { amount: 3_000, currency: 'USD' },
      rule: { id: 'cancellation.free-within-24h', text: 'Free within 24 hours.' },
      feesWaived: false,
    };
    const envelope = await n.publish({ source: 'orders', definition: orderCancelledV1, subject: orderId, data: cancelled });
    // Redelivered (the same id): the consumer's inbox makes the forward exactly once.
    await n.publish({ source: 'orders', definition: orderCancelledV1, subject: orderId, data: cancelled, id: envelope.id });
    const delivered = { shipmentId: randomUUID(), customerId, orderIds: [orderId], deliveredAt: new Date().toISOString() };
    const deliveredEnvelope = await n.publish({ source: 'logistics', definition: shipmentDeliveredV1, subject: delivered.shipmentId, data: delivered });
    await n.publish({ source: 'accounts', definition: customerRegisteredV1, subject: customerId, data: { customerId, country: 'FR' } });

    await eventually(() => orderTopic.received.some((e) => e.id === envelope.id) && shipmentTopic.received.some((e) => e.id === deliveredEnvelope.id));
    expect(orderTopic.received.find((e) => e.id === envelope.id)).toEqual({
      id: envelope.id,
      type: 'orders.order.cancelled',
      version: 1,
      source: 'orders',
      time: envelope.time,
      subject: orderId,
      data: cancelled,
    });
    expect(shipmentTopic.received.find((e) => e.id === deliveredEnvelope.id)).toMatchObject({
      type: 'logistics.shipment.delivered',
      source: 'logistics',
      data: delivered,
    });

    // Everything notifications had to forward has gone out: nothing twice, no account event on any public topic.
    await eventually(async () => (await n.sql<{ n: number }>(`select count(*)::int as n from notifications.outbox_message where sent_at is null`))[0]!.n === 0);
    expect(orderTopic.received.filter((e) => e.id === envelope.id)).toHaveLength(1);
    const forwarded = await n.sql<{ topic: string; type: string }>(`select topic, type from notifications.outbox_message order by topic, type`);
    expect(forwarded).toEqual([
      { topic: publicTopics.logisticsShipment, type: 'logistics.shipment.delivered' },
      { topic: publicTopics.ordersOrder, type: 'orders.order.cancelled' },
    ]);
  });
});
