import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxClockAdvancedV1, topics } from '@vitrine/contracts';
import { sandboxOffset, storeNow } from '@vitrine/platform';
import { eventually, gql, listenToTopic, timersCheckedPast, type TestIdentity, type TopicListener } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { bootLogistics, dispatchedOrder, publishTable, stagedEvents, testRateTable, trackingOf, type LogisticsHarness } from './harness.js';

// The store clock is this process's (the service runs in it): each move below is what orders' advanceSandboxClock announces.
let h: LogisticsHarness;
let shipments: TopicListener;
let customer: TestIdentity;

beforeAll(async () => {
  h = await bootLogistics('sandbox_carrier');
  shipments = await listenToTopic(h, topics.logisticsShipment);
  customer = await h.tokens.customer();
  await publishTable(h, testRateTable());
});
afterAll(async () => {
  await shipments?.stop();
  await h?.stop();
});

const hour = 3_600_000;
const after = (from: Date, hours: number) => new Date(from.getTime() + hours * hour);

/** Moves the store clock to `hours` ahead of real time, as orders' sandbox clock would, and waits until logistics follows it. */
async function clockAhead(hours: number): Promise<void> {
  const sequence = sandboxOffset().sequence + 1;
  await h.publish({
    source: 'orders',
    definition: sandboxClockAdvancedV1,
    subject: 'sandbox-clock',
    data: { offsetMs: hours * hour, sequence, movedBy: null },
  });
  await eventually(() => sandboxOffset().sequence === sequence);
}

const staffTracking = graphql(`
  mutation StaffDelivers($shipmentId: ID!, $step: TrackingStepInput!) {
    recordTracking(shipmentId: $shipmentId, step: $step) {
      status
    }
  }
`);

describe('the sandbox carrier, on the store clock', () => {
  it('moves a dispatched parcel step by step as the clock moves, and delivers it', async () => {
    const order = await dispatchedOrder(h, customer, 'SANDBOX', 'SBX-0001');
    await timersCheckedPast(h.service.timers!, storeNow());
    expect((await trackingOf(h, order.shipmentId)).steps.map((s) => s.status)).toEqual(['DISPATCHED']);

    await clockAhead(13);
    await eventually(async () => (await trackingOf(h, order.shipmentId)).steps.length === 2);
    await timersCheckedPast(h.service.timers!, storeNow());
    expect(await trackingOf(h, order.shipmentId)).toEqual({
      status: 'DISPATCHED',
      steps: [
        { status: 'DISPATCHED', at: order.dispatchedAt },
        { status: 'IN_TRANSIT', at: after(order.dispatchedAt, 12) },
      ],
    });

    await clockAhead(72);
    await eventually(async () => (await trackingOf(h, order.shipmentId)).status === 'DELIVERED');
    expect((await trackingOf(h, order.shipmentId)).steps).toEqual([
      { status: 'DISPATCHED', at: order.dispatchedAt },
      { status: 'IN_TRANSIT', at: after(order.dispatchedAt, 12) },
      { status: 'OUT_FOR_DELIVERY', at: after(order.dispatchedAt, 48) },
      { status: 'DELIVERED', at: after(order.dispatchedAt, 54) },
    ]);
    const delivered = await eventually(() => shipments.received.find((e) => e.subject === order.shipmentId && e.type === 'logistics.shipment.delivered'));
    expect(delivered.data).toEqual({
      shipmentId: order.shipmentId,
      customerId: customer.id,
      orderIds: [order.orderId],
      deliveredAt: after(order.dispatchedAt, 54).toISOString(),
      // An order's own parcel, not a claim's replacement.
      kind: 'ORDER',
      claimId: null,
    });
  });

  it('brings a parcel whose tracking number says RTS back to the sender, refunding by the policy', async () => {
    const order = await dispatchedOrder(h, customer, 'SANDBOX', 'SBX-RTS-0001');
    await clockAhead(sandboxOffset().offsetMs / hour + 24 * 8);
    await eventually(async () => (await trackingOf(h, order.shipmentId)).status === 'RETURNED_TO_SENDER');
    expect((await trackingOf(h, order.shipmentId)).steps.map((s) => s.status)).toEqual(['DISPATCHED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'RETURNED_TO_SENDER']);
    const returned = await eventually(() =>
      shipments.received.find((e) => e.subject === order.shipmentId && e.type === 'logistics.shipment.returned-to-sender'),
    );
    // Paid 11,500 (goods and the 1,500 estimate, the final cost): refund = paid - 2 x 1,500.
    expect(returned.data).toMatchObject({
      returnedAt: after(order.dispatchedAt, 168).toISOString(),
      orders: [{ orderId: order.orderId, paid: { amount: 11_500 }, roundTripShipping: { amount: 3_000 }, refund: { amount: 8_500 } }],
    });
  });

  it('stops quietly when staff finished the journey by hand', async () => {
    const order = await dispatchedOrder(h, customer, 'SANDBOX', 'SBX-0002');
    const res = await gql(h.url, staffTracking, { shipmentId: order.shipmentId, step: { status: 'DELIVERED' } }, h.staff.headers);
    expect(res.data!.recordTracking.status).toBe('DELIVERED');
    await clockAhead(sandboxOffset().offsetMs / hour + 24 * 3);
    await timersCheckedPast(h.service.timers!, storeNow());
    expect((await trackingOf(h, order.shipmentId)).steps.map((s) => s.status)).toEqual(['DISPATCHED', 'DELIVERED']);
    expect(
      await h.sql("select fired_at is not null as fired, dead_at from logistics.scheduled_timer where kind = 'sandbox-carrier-step' and key = ?", [
        order.shipmentId,
      ]),
    ).toEqual([{ fired: true, dead_at: null }]);
    expect(await stagedEvents(h, order.shipmentId, 'logistics.shipment.delivered')).toBe(1);
  });
});
