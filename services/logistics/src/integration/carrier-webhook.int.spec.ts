import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '@vitrine/contracts';
import { eventually, gql, listenToTopic, type TestIdentity, type TopicListener } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { signCarrierWebhook } from '../domain/carrier-signature.js';
import { bootLogistics, dispatchedOrder, packedOrder, publishTable, stagedEvents, testRateTable, trackingOf, type LogisticsHarness } from './harness.js';

const secretOf = (text: string) => `whsec_${Buffer.from(text).toString('base64')}`;
const colissimo = secretOf('colissimo test webhook secret');
const dhl = secretOf('dhl test webhook secret, another');

let h: LogisticsHarness;
let shipments: TopicListener;
let customer: TestIdentity;

beforeAll(async () => {
  h = await bootLogistics('carrier_webhook', { LOGISTICS_CARRIER_WEBHOOK_SECRETS: `COLISSIMO=${colissimo},DHL=${dhl}` });
  shipments = await listenToTopic(h, topics.logisticsShipment);
  customer = await h.tokens.customer();
  await publishTable(h, testRateTable());
});
afterAll(async () => {
  await shipments?.stop();
  await h?.stop();
});

interface Delivery {
  carrier?: string;
  id?: string;
  secret?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
}

/** POSTs a tracking step as a carrier would: Standard Webhooks headers over the exact body. */
async function post(
  report: Record<string, unknown> | string,
  { carrier = 'COLISSIMO', id = `evt_${randomUUID()}`, secret = colissimo, timestamp }: Delivery = {},
) {
  const body = typeof report === 'string' ? report : JSON.stringify(report);
  const sentAt = timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(new URL(`/webhooks/carrier?carrier=${carrier}`, h.url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(sentAt),
      'webhook-signature': signCarrierWebhook(secret, id, sentAt, body),
    },
    body,
  });
  return { status: res.status, body: await res.json(), id };
}

const receivedIds = async (ids: string[]) => (await h.sql('select event_id from logistics.carrier_webhook_event where event_id in (?)', [ids])).length;
const outcomeOf = async (id: string) => (await h.sql('select outcome from logistics.carrier_webhook_event where event_id = ?', [id]))[0]?.outcome;
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

const dispatchAgain = graphql(`
  mutation DispatchTakenNumber($shipmentId: ID!, $carrier: String!, $trackingNumber: String!) {
    dispatchShipment(shipmentId: $shipmentId, carrier: $carrier, trackingNumber: $trackingNumber) {
      status
    }
  }
`);

describe('a carrier webhook', () => {
  it('refuses a forged, unsigned, stale or unknown carrier delivery with 400, writing nothing', async () => {
    const order = await dispatchedOrder(h, customer, 'COLISSIMO', 'COL-FORGED-1');
    const step = { trackingNumber: 'COL-FORGED-1', status: 'DELIVERED' };
    const forged = await post(step, { secret: secretOf('a guess at the carrier secret') });
    const stale = await post(step, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    const ahead = await post(step, { timestamp: Math.floor(Date.now() / 1000) + 600 });
    const otherCarrier = await post(step, { carrier: 'UPS' });
    for (const refused of [forged, stale, ahead, otherCarrier]) expect(refused).toMatchObject({ status: 400, body: { error: 'invalid signature' } });
    const unsigned = await fetch(new URL('/webhooks/carrier?carrier=COLISSIMO', h.url), { method: 'POST', body: JSON.stringify(step) });
    expect(unsigned.status).toBe(400);
    // A body changed after signing: the signature covers the exact bytes.
    const sentAt = Math.floor(Date.now() / 1000);
    const tampered = await fetch(new URL('/webhooks/carrier?carrier=COLISSIMO', h.url), {
      method: 'POST',
      headers: {
        'webhook-id': 'evt_tampered',
        'webhook-timestamp': String(sentAt),
        'webhook-signature': signCarrierWebhook(colissimo, 'evt_tampered', sentAt, '{}'),
      },
      body: JSON.stringify(step),
    });
    expect(tampered.status).toBe(400);

    expect(await receivedIds([forged.id, stale.id, ahead.id, otherCarrier.id, 'evt_tampered'])).toBe(0);
    expect(await trackingOf(h, order.shipmentId)).toMatchObject({ status: 'DISPATCHED', steps: [{ status: 'DISPATCHED' }] });
    expect(await stagedEvents(h, order.shipmentId, 'logistics.shipment.delivered')).toBe(0);
  });

  it('applies a step once however often it is delivered; DELIVERED publishes what staff would', async () => {
    const order = await dispatchedOrder(h, customer, 'COLISSIMO', 'COL-TWICE-1');
    // Stamped before the dispatch (a pickup scan): kept at the dispatch.
    const transit = await post({ trackingNumber: 'COL-TWICE-1', status: 'IN_TRANSIT', occurredAt: minutesAgo(30), note: 'Lyon hub' });
    expect(transit).toMatchObject({ status: 200, body: { received: true } });
    const deliveredAt = new Date().toISOString();
    const delivered = { trackingNumber: 'COL-TWICE-1', status: 'DELIVERED', occurredAt: deliveredAt };
    const id = `evt_${randomUUID()}`;
    const answers = await Promise.all([post(delivered, { id }), post(delivered, { id }), post(delivered, { id })]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await post(delivered, { id })).toMatchObject({ status: 200, body: { received: true } });

    const { status, steps } = await trackingOf(h, order.shipmentId);
    expect(status).toBe('DELIVERED');
    expect(steps.map((s) => s.status).sort()).toEqual(['DELIVERED', 'DISPATCHED', 'IN_TRANSIT']);
    expect(steps.find((s) => s.status === 'IN_TRANSIT')!.at).toEqual(order.dispatchedAt);
    expect(steps.find((s) => s.status === 'DELIVERED')!.at).toEqual(new Date(deliveredAt));
    expect(await outcomeOf(id)).toBe('APPLIED');
    expect(await stagedEvents(h, order.shipmentId, 'logistics.shipment.delivered')).toBe(1);
    const event = await eventually(() => shipments.received.find((e) => e.subject === order.shipmentId && e.type === 'logistics.shipment.delivered'));
    expect(event.data).toEqual({
      shipmentId: order.shipmentId,
      customerId: customer.id,
      orderIds: [order.orderId],
      deliveredAt: new Date(deliveredAt).toISOString(),
      // An order's own parcel, not a claim's replacement.
      kind: 'ORDER',
      claimId: null,
    });
  });

  it('a late or repeated step never moves a delivered parcel back', async () => {
    const order = await dispatchedOrder(h, customer, 'COLISSIMO', 'COL-LATE-1');
    await post({ trackingNumber: 'COL-LATE-1', status: 'DELIVERED', occurredAt: minutesAgo(2) });
    const before = await trackingOf(h, order.shipmentId);
    expect(before.status).toBe('DELIVERED');
    const late = await post({ trackingNumber: 'COL-LATE-1', status: 'OUT_FOR_DELIVERY', occurredAt: minutesAgo(20) });
    const back = await post({ trackingNumber: 'COL-LATE-1', status: 'RETURNED_TO_SENDER' });
    expect([late.status, back.status]).toEqual([200, 200]);
    expect([await outcomeOf(late.id), await outcomeOf(back.id)]).toEqual(['STALE', 'STALE']);
    expect(await trackingOf(h, order.shipmentId)).toEqual(before);
    expect(await stagedEvents(h, order.shipmentId, 'logistics.shipment.returned-to-sender')).toBe(0);
    expect(await stagedEvents(h, order.shipmentId, 'logistics.shipment.delivered')).toBe(1);
  });

  it("answers an unknown tracking number, another carrier's parcel and a step we do not track alike, changing nothing", async () => {
    const order = await dispatchedOrder(h, customer, 'COLISSIMO', 'COL-QUIET-1');
    const unknown = await post({ trackingNumber: 'COL-NOBODY-9', status: 'DELIVERED' });
    const notTheirs = await post({ trackingNumber: 'COL-QUIET-1', status: 'DELIVERED' }, { carrier: 'DHL', secret: dhl });
    const customs = await post({ trackingNumber: 'COL-QUIET-1', status: 'CUSTOMS_HOLD' });
    for (const answer of [unknown, notTheirs, customs]) expect(answer).toMatchObject({ status: 200, body: { received: true } });
    expect([await outcomeOf(unknown.id), await outcomeOf(notTheirs.id), await outcomeOf(customs.id)]).toEqual(['UNKNOWN', 'UNKNOWN', 'IGNORED']);
    expect(await trackingOf(h, order.shipmentId)).toMatchObject({ status: 'DISPATCHED', steps: [{ status: 'DISPATCHED' }] });

    const garbled = await post('{"status":"DELIVERED"}');
    expect(garbled).toMatchObject({ status: 400, body: { error: 'invalid payload' } });
    expect(await receivedIds([garbled.id])).toBe(0);
  });

  it('a tracking number names one parcel per carrier: staff cannot dispatch another with it', async () => {
    await dispatchedOrder(h, customer, 'COLISSIMO', 'COL-TAKEN-1');
    const next = await packedOrder(h, customer);
    const dispatch = (carrier: string) => gql(h.url, dispatchAgain, { shipmentId: next.shipmentId, carrier, trackingNumber: 'COL-TAKEN-1' }, h.staff.headers);
    const taken = await dispatch('COLISSIMO');
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'trackingNumber', reason: 'IN_USE' }] });
    expect(await trackingOf(h, next.shipmentId)).toEqual({ status: 'READY', steps: [] });
    expect((await dispatch('DHL')).data!.dispatchShipment.status).toBe('DISPATCHED');
  });
});
