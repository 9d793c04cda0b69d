import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentSucceededV1, topics } from '@vitrine/contracts';
import { eventually, gql, listenToTopic, type TestIdentity, type TopicListener } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { bootLogistics, dispatchedOrder, parisAddress, publishTable, readyOrder, testRateTable, type LogisticsHarness, type PaidOrder } from './harness.js';

let h: LogisticsHarness;
let shipments: TopicListener;
let customer: TestIdentity;

beforeAll(async () => {
  h = await bootLogistics('consolidation');
  shipments = await listenToTopic(h, topics.logisticsShipment);
  customer = await h.tokens.customer();
  await publishTable(h, testRateTable());
});
afterAll(async () => {
  await shipments?.stop();
  await h?.stop();
});

const consolidateMutation = graphql(`
  mutation Consolidate($shipmentIds: [ID!]!) {
    consolidateShipments(shipmentIds: $shipmentIds) {
      id
      status
      orders {
        orderId
        estimatePaid {
          amount
        }
      }
    }
  }
`);

const packMutation = graphql(`
  mutation PackCombined($shipmentId: ID!, $parcel: PackedParcelInput!) {
    recordParcel(shipmentId: $shipmentId, parcel: $parcel) {
      status
      finalCost {
        amount
      }
      orders {
        orderId
        finalShare {
          amount
        }
        excessRefund {
          amount
        }
        extraDue {
          amount
        }
        invoiceId
      }
    }
  }
`);

const combinedQuery = graphql(`
  query CombinedShipment($id: ID!) {
    shipment(id: $id) {
      status
      consolidatedInto
      orders {
        orderId
      }
    }
  }
`);

// Order is orders' entity: logistics' fields on it are read as the gateway would, through _entities.
const orderView = `query OrderParcel($id: ID!) {
  _entities(representations: [{ __typename: "Order", id: $id }]) { ... on Order { shipsWith shipments { id status } } }
}`;

const parcel = (finalCost: number) => ({ weightGrams: 1_800, dimensions: { lengthMm: 300, widthMm: 200, heightMm: 200 }, finalCost });
const consolidate = (ids: string[], who = h.staff) => gql(h.url, consolidateMutation, { shipmentIds: ids }, who.headers);
const byOrder = <T extends { orderId: string }>(rows: readonly T[]) => Object.fromEntries(rows.map((r) => [r.orderId, r]));
const eventsOf = (shipmentId: string, type: string) => shipments.received.filter((e) => e.subject === shipmentId && e.type === type);
const errorOf = (res: { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }) => res.errors?.[0];

/** What consolidation may change, to show a refusal changed none of it. */
const snapshot = async (orders: PaidOrder[]) => ({
  shipments: await h.sql('select id, status, consolidated_into from logistics.shipment where id in (?) order by id', [orders.map((o) => o.shipmentId)]),
  links: await h.sql('select order_id, shipment_id from logistics.shipment_order where order_id in (?) order by order_id', [orders.map((o) => o.orderId)]),
  audits: await h.sql("select count(*)::int as n from logistics.audit_entry where action = 'shipment.consolidated'"),
});

async function paid(order: PaidOrder, invoiceId: string, amount: number): Promise<void> {
  await h.publish({
    source: 'payments',
    definition: paymentSucceededV1,
    subject: randomUUID(),
    data: {
      paymentId: randomUUID(),
      customerId: customer.id,
      purpose: 'EXTRA_SHIPPING',
      amount: { amount, currency: 'USD' },
      allocations: [{ orderId: order.orderId, dueId: invoiceId, amount: { amount, currency: 'USD' } }],
      provider: 'sandbox',
      succeededAt: new Date().toISOString(),
    },
  });
  await eventually(async () => (await h.sql('select invoice_paid_at from logistics.shipment_order where invoice_id = ?', [invoiceId]))[0]?.invoice_paid_at);
}

describe('two paid orders of one customer in one parcel', () => {
  it('combines them into the oldest shipment; a retry answers the same parcel; the customer sees them travel together', async () => {
    const first = await readyOrder(h, customer, 1_000);
    const second = await readyOrder(h, customer, 2_000);
    const res = await consolidate([second.shipmentId, first.shipmentId]);
    expect(res.errors).toBeUndefined();
    expect(res.data!.consolidateShipments).toMatchObject({ id: first.shipmentId, status: 'OPEN' });
    expect(byOrder(res.data!.consolidateShipments.orders)).toEqual({
      [first.orderId]: { orderId: first.orderId, estimatePaid: { amount: 1_000 } },
      [second.orderId]: { orderId: second.orderId, estimatePaid: { amount: 2_000 } },
    });
    const absorbed = await gql(h.url, combinedQuery, { id: second.shipmentId }, customer.headers);
    expect(absorbed.data!.shipment).toEqual({ status: 'CONSOLIDATED', consolidatedInto: first.shipmentId, orders: [] });
    expect(await h.sql('select actor, subject, details from logistics.audit_entry where action = ?', ['shipment.consolidated'])).toEqual([
      { actor: h.staff.id, subject: first.shipmentId, details: { absorbed: [second.shipmentId], orderIds: [first.orderId, second.orderId].sort() } },
    ]);

    const before = await snapshot([first, second]);
    const retry = await consolidate([first.shipmentId, second.shipmentId]);
    expect(retry.data!.consolidateShipments.id).toBe(first.shipmentId);
    expect(await snapshot([first, second])).toEqual(before);

    const view = await gql<any>(h.url, orderView, { id: second.orderId }, customer.headers);
    expect(view.data._entities[0]).toEqual({ shipsWith: [first.orderId], shipments: [{ id: first.shipmentId, status: 'OPEN' }] });
    const stranger = await gql<any>(h.url, orderView, { id: second.orderId }, (await h.tokens.customer()).headers);
    expect(stranger.data._entities[0]).toEqual({ shipsWith: [], shipments: [] });
  });

  it('one final cost split by the estimates paid: each order refunded its own excess, to the minor unit', async () => {
    const first = await readyOrder(h, customer, 1_000);
    const second = await readyOrder(h, customer, 2_000);
    await consolidate([first.shipmentId, second.shipmentId]);
    const res = await gql(h.url, packMutation, { shipmentId: first.shipmentId, parcel: parcel(2_000) }, h.staff.headers);
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordParcel.status).toBe('READY');
    // 2,000 over estimates 1,000 : 2,000 -> 666.67 and 1,333.33; the odd unit goes to the larger fraction.
    expect(byOrder(res.data!.recordParcel.orders)).toEqual({
      [first.orderId]: { orderId: first.orderId, finalShare: { amount: 667 }, excessRefund: { amount: 333 }, extraDue: { amount: 0 }, invoiceId: null },
      [second.orderId]: { orderId: second.orderId, finalShare: { amount: 1_333 }, excessRefund: { amount: 667 }, extraDue: { amount: 0 }, invoiceId: null },
    });
    const quoted = await eventually(() => eventsOf(first.shipmentId, 'logistics.shipment.quoted')[0]);
    expect(quoted.data).toMatchObject({ outcome: 'REFUND_EXCESS', finalCost: { amount: 2_000, currency: 'USD' } });
    expect(byOrder(quoted.data.orders)).toEqual({
      [first.orderId]: {
        orderId: first.orderId,
        estimatePaid: { amount: 1_000, currency: 'USD' },
        finalShare: { amount: 667, currency: 'USD' },
        excessRefund: { amount: 333, currency: 'USD' },
        extraDue: { amount: 0, currency: 'USD' },
      },
      [second.orderId]: {
        orderId: second.orderId,
        estimatePaid: { amount: 2_000, currency: 'USD' },
        finalShare: { amount: 1_333, currency: 'USD' },
        excessRefund: { amount: 667, currency: 'USD' },
        extraDue: { amount: 0, currency: 'USD' },
      },
    });
    expect(eventsOf(first.shipmentId, 'logistics.shipment.extra-invoiced')).toEqual([]);
    // The absorbed shipment is done: it cannot be packed on its own.
    const alone = await gql(h.url, packMutation, { shipmentId: second.shipmentId, parcel: parcel(500) }, h.staff.headers);
    expect(errorOf(alone)?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'SHIPMENT_STATUS_TRANSITION' });
    expect(errorOf(alone)?.message).toMatch(/combined into another shipment/);
  });

  it('a cost above the estimates: one extra invoice per order, and the parcel waits for both', async () => {
    const first = await readyOrder(h, customer, 1_500);
    const second = await readyOrder(h, customer, 1_500);
    await consolidate([first.shipmentId, second.shipmentId]);
    const res = await gql(h.url, packMutation, { shipmentId: first.shipmentId, parcel: parcel(3_301) }, h.staff.headers);
    expect(res.data!.recordParcel.status).toBe('AWAITING_PAYMENT');
    // 3,301 over two equal estimates: 1,650.5 each; the odd unit goes to the first order (by id).
    const [lower, higher] = [first, second].sort((a, b) => a.orderId.localeCompare(b.orderId));
    const orders = byOrder(res.data!.recordParcel.orders);
    expect(orders[lower!.orderId]).toMatchObject({ finalShare: { amount: 1_651 }, extraDue: { amount: 151 }, excessRefund: { amount: 0 } });
    expect(orders[higher!.orderId]).toMatchObject({ finalShare: { amount: 1_650 }, extraDue: { amount: 150 }, excessRefund: { amount: 0 } });
    const invoiced = await eventually(() => eventsOf(first.shipmentId, 'logistics.shipment.extra-invoiced')[0]);
    expect(byOrder(invoiced.data.invoices)).toEqual({
      [lower!.orderId]: { orderId: lower!.orderId, invoiceId: orders[lower!.orderId]!.invoiceId, amount: { amount: 151, currency: 'USD' } },
      [higher!.orderId]: { orderId: higher!.orderId, invoiceId: orders[higher!.orderId]!.invoiceId, amount: { amount: 150, currency: 'USD' } },
    });
    expect(await eventually(() => eventsOf(first.shipmentId, 'logistics.shipment.quoted')[0])).toMatchObject({ data: { outcome: 'EXTRA_INVOICE' } });
    // Quoted once: a second parcel at a lower cost cannot clear the invoices.
    const again = await gql(h.url, packMutation, { shipmentId: first.shipmentId, parcel: parcel(1_000) }, h.staff.headers);
    expect(errorOf(again)?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'SHIPMENT_STATUS_TRANSITION', status: 'AWAITING_PAYMENT' });
    expect(await h.sql('select status, final_cost from logistics.shipment where id = ?', [first.shipmentId])).toEqual([
      { status: 'AWAITING_PAYMENT', final_cost: 3_301 },
    ]);

    await paid(lower!, orders[lower!.orderId]!.invoiceId!, 151);
    expect((await h.sql('select status from logistics.shipment where id = ?', [first.shipmentId]))[0]!.status).toBe('AWAITING_PAYMENT');
    await paid(higher!, orders[higher!.orderId]!.invoiceId!, 150);
    await eventually(async () => (await h.sql('select status from logistics.shipment where id = ?', [first.shipmentId]))[0]!.status === 'READY');
  });
});

describe('shipments that cannot travel together are refused, with the rule, writing nothing', () => {
  it('another customer, address, warehouse or method; a packed or dispatched parcel', async () => {
    const mine = await readyOrder(h, customer, 1_500);
    const someoneElse = await readyOrder(h, await h.tokens.customer(), 1_500);
    const elsewhere = await readyOrder(h, customer, 1_500, undefined, { address: { ...parisAddress, line1: '8 avenue Foch' } });
    const fromChina = await readyOrder(h, customer, 1_500, undefined, { warehouseId: h.warehouses.china });
    const express = await readyOrder(h, customer, 1_500, undefined, { method: 'EXPRESS' });
    const packed = await readyOrder(h, customer, 1_500);
    await gql(h.url, packMutation, { shipmentId: packed.shipmentId, parcel: parcel(1_500) }, h.staff.headers);
    const gone = await dispatchedOrder(h, customer, 'COLISSIMO', 'COL-GONE-1');
    const all = [mine, someoneElse, elsewhere, fromChina, express, packed, gone];
    const before = await snapshot(all);

    const cases: [PaidOrder, string, RegExp][] = [
      [someoneElse, 'NOT_SAME_CUSTOMER', /another customer's/],
      [elsewhere, 'NOT_SAME_ADDRESS', /another address/],
      [fromChina, 'NOT_SAME_WAREHOUSE', /another warehouse/],
      [express, 'NOT_SAME_METHOD', /another shipping method/],
      [packed, 'ALREADY_PACKED', /packed and quoted already/],
      [gone, 'ALREADY_DISPATCHED', /left the warehouse already/],
    ];
    for (const [other, rule, message] of cases) {
      const res = await consolidate([mine.shipmentId, other.shipmentId]);
      expect(errorOf(res)?.extensions, rule).toMatchObject({ code: 'POLICY_VIOLATION', rule, shipmentId: other.shipmentId });
      expect(errorOf(res)?.message).toMatch(message);
    }
    expect(await snapshot(all)).toEqual(before);
  });

  it('bad requests: one shipment, the same twice, not an id, an unknown one, a customer asking', async () => {
    const a = await readyOrder(h, customer, 1_500);
    const b = await readyOrder(h, customer, 1_500);
    const before = await snapshot([a, b]);
    const problems = (res: Awaited<ReturnType<typeof consolidate>>) =>
      (errorOf(res)?.extensions?.problems as { field: string; reason: string }[]).map((p) => `${p.field}:${p.reason}`);
    expect(problems(await consolidate([a.shipmentId]))).toEqual(['shipmentIds:OUT_OF_RANGE']);
    expect(problems(await consolidate([a.shipmentId, a.shipmentId, 'parcel-7']))).toEqual(['shipmentIds.1:DUPLICATE', 'shipmentIds.2:MALFORMED_ID']);
    const unknown = randomUUID();
    expect(errorOf(await consolidate([a.shipmentId, unknown]))?.extensions).toMatchObject({ code: 'NOT_FOUND', id: unknown });
    expect(errorOf(await consolidate([a.shipmentId, b.shipmentId], customer))?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot([a, b])).toEqual(before);
  });
});
