import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimReplacementRequestedV1 } from '@vitrine/contracts';
import { eventually, gql, type TestIdentity } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { bootLogistics, dispatchedOrder, parisAddress, publishTable, readyOrder, stagedEvents, testRateTable, type LogisticsHarness } from './harness.js';

// A claim's replacement part or exchange (after-sales' ReplacementRequested) ships at the store's cost, as its own parcel.
let h: LogisticsHarness;
let customer: TestIdentity;

beforeAll(async () => {
  h = await bootLogistics('replacements');
  customer = await h.tokens.customer();
  await publishTable(h, testRateTable());
});
afterAll(async () => {
  await h?.stop();
});

const readShipment = graphql(`
  query ReplacementShipment($id: ID!) {
    shipment(id: $id) {
      status
      kind
      destination
      method
      orders {
        orderId
      }
      replacement {
        claimId
        orderId
        resolution
        readyFrom
        unitTaken
        parts {
          name
          category
        }
      }
    }
  }
`);
const pack = graphql(`
  mutation ReplacementPack($shipmentId: ID!, $parcel: PackedParcelInput!) {
    recordParcel(shipmentId: $shipmentId, parcel: $parcel) {
      status
      finalCost {
        amount
      }
    }
  }
`);
const dispatch = graphql(`
  mutation ReplacementDispatch($shipmentId: ID!, $carrier: String!, $trackingNumber: String!) {
    dispatchShipment(shipmentId: $shipmentId, carrier: $carrier, trackingNumber: $trackingNumber) {
      status
    }
  }
`);
const consolidate = graphql(`
  mutation ReplacementConsolidate($shipmentIds: [ID!]!) {
    consolidateShipments(shipmentIds: $shipmentIds) {
      id
    }
  }
`);

const codeOf = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions;
const parcel = { weightGrams: 250, dimensions: { lengthMm: 200, widthMm: 100, heightMm: 50 } };

async function requested(orderId: string, resolution: 'REPLACEMENT_PART' | 'EXCHANGE', atWarehouse: { earliest: string; latest: string } | null) {
  const claimId = randomUUID();
  const data = {
    claimId,
    orderId,
    customerId: customer.id,
    productId: randomUUID(),
    resolution,
    parts: [{ name: 'Katana', category: 'WEAPON_LARGE', issue: 'STRUCTURAL_BREAKAGE' }],
    leadTime: atWarehouse ? { outcome: 'WINDOW' as const, earliest: '2027-01-05', latest: '2027-03-01' } : null,
    atWarehouse,
    requestedAt: new Date().toISOString(),
  };
  // Delivered twice (a redelivery): one shipment.
  for (let i = 0; i < 2; i++) await h.publish({ source: 'aftersales', definition: claimReplacementRequestedV1, subject: orderId, data });
  const [row] = await eventually(async () => {
    const rows = await h.sql<{ id: string }>('select id from logistics.shipment where claim_id = ?', [claimId]);
    return rows.length === 1 && rows;
  });
  return { claimId, shipmentId: row!.id };
}

describe('a replacement part', () => {
  it('waits for the part, is packed and dispatched free of charge to the order’s address; the dispatch names the claim and kind REPLACEMENT', async () => {
    const order = await dispatchedOrder(h, customer, 'COLISSIMO', `ORD${randomUUID().slice(0, 8)}`);
    const { claimId, shipmentId } = await requested(order.orderId, 'REPLACEMENT_PART', { earliest: '2026-12-10', latest: '2026-12-17' });
    expect(await h.sql('select 1 from logistics.shipment where claim_id = ?', [claimId])).toHaveLength(1);

    const seen = await gql(h.url, readShipment, { id: shipmentId }, customer.headers);
    expect(seen.data?.shipment, JSON.stringify(seen.errors)).toEqual({
      status: 'AWAITING_PART',
      kind: 'REPLACEMENT',
      destination: parisAddress.country,
      method: 'STANDARD',
      orders: [],
      replacement: {
        claimId,
        orderId: order.orderId,
        resolution: 'REPLACEMENT_PART',
        readyFrom: '2026-12-10',
        unitTaken: null,
        parts: [{ name: 'Katana', category: 'WEAPON_LARGE' }],
      },
    });
    expect(codeOf(await gql(h.url, dispatch, { shipmentId, carrier: 'COLISSIMO', trackingNumber: 'REPL0001' }, h.staff.headers))).toMatchObject({
      rule: 'SHIPMENT_STATUS_TRANSITION',
    });

    // The part arrived: packed, priced by the table for the record, READY at once (nothing to quote against, nothing invoiced).
    const packed = await gql(h.url, pack, { shipmentId, parcel }, h.staff.headers);
    expect(packed.data?.recordParcel, JSON.stringify(packed.errors)).toMatchObject({ status: 'READY' });
    const sent = await gql(h.url, dispatch, { shipmentId, carrier: 'COLISSIMO', trackingNumber: 'REPL0001' }, h.staff.headers);
    expect(sent.data?.dispatchShipment.status, JSON.stringify(sent.errors)).toBe('DISPATCHED');

    for (const type of ['logistics.shipment.opened', 'logistics.shipment.parcel-packed', 'logistics.shipment.quoted', 'logistics.shipment.extra-invoiced']) {
      expect(await stagedEvents(h, shipmentId, type), type).toBe(0);
    }
    const [dispatched] = await h.sql<{ data: Record<string, unknown> }>(
      "select envelope->'data' as data from logistics.outbox_message where key = ? and type = 'logistics.shipment.dispatched'",
      [shipmentId],
    );
    expect(dispatched!.data).toMatchObject({ shipmentId, orderIds: [order.orderId], kind: 'REPLACEMENT', claimId, trackingNumber: 'REPL0001' });
    // The order's own parcel and its money are untouched.
    const [row] = await h.sql<{ excess_refund: number; extra_due: number }>(
      'select excess_refund, extra_due from logistics.shipment_order where order_id = ?',
      [order.orderId],
    );
    expect(row).toEqual({ excess_refund: 0, extra_due: 0 });
  });
});

describe('an exchange', () => {
  it('is packed at once, with where staff took the unit (required), and never combined with paid orders’ parcels', async () => {
    const order = await readyOrder(h, customer, 1_500);
    const { shipmentId } = await requested(order.orderId, 'EXCHANGE', null);
    expect((await gql(h.url, readShipment, { id: shipmentId }, h.staff.headers)).data?.shipment?.status).toBe('OPEN');

    const combined = await gql(h.url, consolidate, { shipmentIds: [order.shipmentId, shipmentId] }, h.staff.headers);
    expect(codeOf(combined)).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'REPLACEMENT_SHIPMENT', shipmentId });

    expect(codeOf(await gql(h.url, pack, { shipmentId, parcel }, h.staff.headers))).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [expect.objectContaining({ field: 'unitTaken', reason: 'REQUIRED' })],
    });
    expect((await gql(h.url, readShipment, { id: shipmentId }, h.staff.headers)).data?.shipment?.status).toBe('OPEN');
    const packed = await gql(h.url, pack, { shipmentId, parcel: { ...parcel, finalCost: 1_200, unitTaken: 'Lyon, shelf B4' } }, h.staff.headers);
    expect(packed.data?.recordParcel, JSON.stringify(packed.errors)).toEqual({ status: 'READY', finalCost: { amount: 1_200 } });
    expect((await gql(h.url, readShipment, { id: shipmentId }, h.staff.headers)).data?.shipment?.replacement?.unitTaken).toBe('Lyon, shelf B4');
  });
});
