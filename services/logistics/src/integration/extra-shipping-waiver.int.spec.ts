import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentSucceededV1, topics } from '@vitrine/contracts';
import { eventually, gql, listenToTopic, type TestIdentity, type TopicListener } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { bootLogistics, publishTable, readyOrder, stagedEvents, testRateTable, type LogisticsHarness, type PaidOrder } from './harness.js';

// Staff waive the extra postage of a parcel that cost more than its estimate: through the API, on real PostgreSQL and
// Kafka; payments' PaymentSucceeded published to logistics' topic as payments would.
let h: LogisticsHarness;
let shipments: TopicListener;
let customer: TestIdentity;

beforeAll(async () => {
  h = await bootLogistics('extra-waiver');
  shipments = await listenToTopic(h, topics.logisticsShipment);
  customer = await h.tokens.customer();
  await publishTable(h, testRateTable());
});
afterAll(async () => {
  await shipments?.stop();
  await h?.stop();
});

const packMutation = graphql(`
  mutation WaiverRecordParcel($shipmentId: ID!, $parcel: PackedParcelInput!) {
    recordParcel(shipmentId: $shipmentId, parcel: $parcel) {
      status
      orders {
        invoiceId
      }
    }
  }
`);

const waiveMutation = graphql(`
  mutation WaiveExtraShipping($shipmentId: ID!, $reason: String!) {
    waiveExtraShipping(shipmentId: $shipmentId, reason: $reason) {
      status
      extraShippingWaiver {
        amount {
          amount
          currency
        }
        reason
        waivedBy
        waivedAt
      }
      orders {
        invoicePaidAt
        invoiceWaivedAt
      }
    }
  }
`);

const waiverQuery = graphql(`
  query ShipmentWaiver($id: ID!) {
    shipment(id: $id) {
      status
      extraShippingWaiver {
        amount {
          amount
        }
        reason
        waivedBy
      }
      orders {
        invoiceWaivedAt
      }
    }
  }
`);

const dispatchMutation = graphql(`
  mutation WaiverDispatch($shipmentId: ID!, $carrier: String!, $trackingNumber: String!) {
    dispatchShipment(shipmentId: $shipmentId, carrier: $carrier, trackingNumber: $trackingNumber) {
      status
    }
  }
`);

const size = { lengthMm: 300, widthMm: 200, heightMm: 100 };
const errorOf = (res: { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }) => res.errors?.[0];

/** An order whose parcel cost 2,100 against the 1,500 it paid: 600 invoiced, AWAITING_PAYMENT. */
async function invoicedOrder(): Promise<PaidOrder & { invoiceId: string }> {
  const order = await readyOrder(h, customer, 1_500);
  const packed = await gql(
    h.url,
    packMutation,
    { shipmentId: order.shipmentId, parcel: { weightGrams: 4_000, dimensions: size, finalCost: 2_100 } },
    h.staff.headers,
  );
  expect(packed.data?.recordParcel.status, JSON.stringify(packed.errors)).toBe('AWAITING_PAYMENT');
  return { ...order, invoiceId: packed.data!.recordParcel.orders[0]!.invoiceId! };
}

/** What a refusal must leave alone: the shipment, its invoice, the audit trail and the outbox. */
async function stateOf(shipmentId: string) {
  const [shipment] = await h.sql('select status, extra_waived_at, extra_waived_amount from logistics.shipment where id = ?', [shipmentId]);
  const orders = await h.sql('select invoice_paid_at, invoice_waived_at from logistics.shipment_order where shipment_id = ?', [shipmentId]);
  const audit = await h.sql("select count(*)::int as n from logistics.audit_entry where subject = ? and action = 'shipment.extra-shipping-waived'", [
    shipmentId,
  ]);
  return { shipment, orders, audited: audit[0]!.n, waivedEvents: await stagedEvents(h, shipmentId, 'logistics.shipment.extra-waived') };
}

async function paymentOfInvoice(order: PaidOrder & { invoiceId: string }): Promise<void> {
  await h.publish({
    source: 'payments',
    definition: paymentSucceededV1,
    subject: randomUUID(),
    data: {
      paymentId: randomUUID(),
      customerId: customer.id,
      purpose: 'EXTRA_SHIPPING',
      amount: { amount: 600, currency: 'USD' },
      allocations: [{ orderId: order.orderId, dueId: order.invoiceId, amount: { amount: 600, currency: 'USD' } }],
      provider: 'sandbox',
      succeededAt: new Date().toISOString(),
    },
  });
}

describe('staff waive the extra postage', () => {
  it('moves the shipment to READY, keeps the waiver (its reason for staff only), audits it and tells payments; dispatch then works', async () => {
    const order = await invoicedOrder();
    const res = await gql(h.url, waiveMutation, { shipmentId: order.shipmentId, reason: '  A small overrun: the store absorbs it. ' }, h.staff.headers);
    expect(res.errors).toBeUndefined();
    expect(res.data!.waiveExtraShipping).toMatchObject({
      status: 'READY',
      extraShippingWaiver: { amount: { amount: 600, currency: 'USD' }, reason: 'A small overrun: the store absorbs it.', waivedBy: h.staff.id },
      orders: [{ invoicePaidAt: null, invoiceWaivedAt: expect.any(String) }],
    });

    const staged = await stateOf(order.shipmentId);
    expect(staged).toMatchObject({ shipment: { status: 'READY', extra_waived_amount: 600 }, audited: 1, waivedEvents: 1 });
    const event = await eventually(() => shipments.received.find((e) => e.subject === order.shipmentId && e.type === 'logistics.shipment.extra-waived'));
    expect(event.data).toEqual({
      shipmentId: order.shipmentId,
      customerId: customer.id,
      invoices: [{ invoiceId: order.invoiceId, orderId: order.orderId, amount: { amount: 600, currency: 'USD' } }],
      reason: 'A small overrun: the store absorbs it.',
      actorId: h.staff.id,
      waivedAt: expect.any(String),
    });

    // Its customer sees that the store absorbed the postage, not staff's words nor who.
    const seen = await gql(h.url, waiverQuery, { id: order.shipmentId }, customer.headers);
    expect(seen.data!.shipment).toMatchObject({ status: 'READY', extraShippingWaiver: { amount: { amount: 600 }, reason: null, waivedBy: null } });

    const sent = await gql(h.url, dispatchMutation, { shipmentId: order.shipmentId, carrier: 'COLISSIMO', trackingNumber: 'WAIVE0001' }, h.staff.headers);
    expect(sent.data?.dispatchShipment.status, JSON.stringify(sent.errors)).toBe('DISPATCHED');
  });

  it('refusals change nothing: a blank reason, a customer, an unknown shipment, one not quoted, a second waiver', async () => {
    const order = await invoicedOrder();
    const before = await stateOf(order.shipmentId);

    const blank = await gql(h.url, waiveMutation, { shipmentId: order.shipmentId, reason: '   ' }, h.staff.headers);
    expect(errorOf(blank)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'reason', reason: 'REQUIRED' }] });
    const long = await gql(h.url, waiveMutation, { shipmentId: order.shipmentId, reason: 'x'.repeat(501) }, h.staff.headers);
    expect(errorOf(long)?.extensions?.code).toBe('BAD_USER_INPUT');
    const byCustomer = await gql(h.url, waiveMutation, { shipmentId: order.shipmentId, reason: 'please' }, customer.headers);
    expect(errorOf(byCustomer)?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await gql(h.url, waiveMutation, { shipmentId: randomUUID(), reason: 'goodwill' }, h.staff.headers);
    expect(errorOf(unknown)?.extensions?.code).toBe('NOT_FOUND');
    expect(await stateOf(order.shipmentId)).toEqual(before);

    const unpacked = await readyOrder(h, customer, 1_500);
    const open = await gql(h.url, waiveMutation, { shipmentId: unpacked.shipmentId, reason: 'goodwill' }, h.staff.headers);
    expect(errorOf(open)).toMatchObject({
      message: 'The extra postage cannot be waived: this shipment has no extra shipping invoice waiting for payment.',
      extensions: { code: 'POLICY_VIOLATION', rule: 'SHIPMENT_STATUS_TRANSITION', status: 'OPEN' },
    });
    expect((await stateOf(unpacked.shipmentId)).shipment).toMatchObject({ status: 'OPEN', extra_waived_at: null });

    expect((await gql(h.url, waiveMutation, { shipmentId: order.shipmentId, reason: 'goodwill' }, h.staff.headers)).errors).toBeUndefined();
    const waived = await stateOf(order.shipmentId);
    const again = await gql(h.url, waiveMutation, { shipmentId: order.shipmentId, reason: 'twice' }, h.staff.headers);
    expect(errorOf(again)).toMatchObject({
      message: 'The extra postage cannot be waived: it was waived already.',
      extensions: { rule: 'SHIPMENT_STATUS_TRANSITION', status: 'READY' },
    });
    expect(await stateOf(order.shipmentId)).toEqual(waived);
    expect(waived).toMatchObject({ audited: 1, waivedEvents: 1 });
  });

  it('the customer paid first: logistics is READY when it hears of it, and refuses the waiver', async () => {
    const order = await invoicedOrder();
    await paymentOfInvoice(order);
    await eventually(async () => (await stateOf(order.shipmentId)).shipment!.status === 'READY');
    const late = await gql(h.url, waiveMutation, { shipmentId: order.shipmentId, reason: 'goodwill' }, h.staff.headers);
    expect(errorOf(late)).toMatchObject({
      message: 'The extra postage cannot be waived: the customer has paid it already.',
      extensions: { code: 'POLICY_VIOLATION', rule: 'SHIPMENT_STATUS_TRANSITION', status: 'READY' },
    });
    expect(await stateOf(order.shipmentId)).toMatchObject({ shipment: { extra_waived_at: null }, audited: 0, waivedEvents: 0 });
  });

  it('waived first: a payment of that invoice heard afterwards leaves it waived, never paid too (payments gives the money back)', async () => {
    const order = await invoicedOrder();
    expect((await gql(h.url, waiveMutation, { shipmentId: order.shipmentId, reason: 'goodwill' }, h.staff.headers)).errors).toBeUndefined();
    await paymentOfInvoice(order);
    // The payment is taken (what the order paid grows), yet the invoice stays waived and unpaid.
    await eventually(async () => (await h.sql('select paid_amount from logistics.known_order where order_id = ?', [order.orderId]))[0]?.paid_amount === 12_100);
    expect((await stateOf(order.shipmentId)).orders).toEqual([{ invoice_paid_at: null, invoice_waived_at: expect.any(String) }]);
    expect((await stateOf(order.shipmentId)).shipment).toMatchObject({ status: 'READY' });
  });
});
