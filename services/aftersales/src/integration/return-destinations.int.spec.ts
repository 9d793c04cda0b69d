import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shipmentOpenedV1, warehouseCreatedV1, warehouseUpdatedV1 } from '@vitrine/contracts';
import { eventually, gql, type TestIdentity } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { submittedClaim } from './claim-steps.js';
import { bootAftersales, type AftersalesHarness } from './harness.js';

// Where a returned item goes: the return address of the warehouse its order's parcel left from, as after-sales learns
// it from logistics' ShipmentOpened and catalog's WarehouseCreated / WarehouseUpdated (published here as they would),
// with the reference to write on the parcel and who pays the postage; why it is not known while it is not.
let aftersales: AftersalesHarness;
let customer: TestIdentity;

beforeAll(async () => {
  aftersales = await bootAftersales('return_destinations');
  customer = await aftersales.tokens.customer();
}, 600_000);
afterAll(async () => {
  await aftersales?.stop();
});

graphql(`
  fragment DestinationAddress on ReturnAddress {
    name
    line1
    line2
    postalCode
    city
    region
    country
    warehouseId
    warehouseCode
  }
`);
const requestReturn = graphql(`
  mutation DestinationsRequestReturn($input: RequestReturnInput!) {
    requestReturn(input: $input) {
      id
      returnPostage
      sendTo {
        ...DestinationAddress
      }
      sendToUnknown
      parcelReference
    }
  }
`);
const readReturn = graphql(`
  query DestinationsReturn($id: ID!) {
    preferenceReturn(id: $id) {
      sendTo {
        ...DestinationAddress
      }
      sendToUnknown
      parcelReference
    }
  }
`);
const queue = graphql(`
  query DestinationsQueue($orderId: ID!) {
    preferenceReturns(filter: { orderId: $orderId }) {
      items {
        id
        sendTo {
          warehouseCode
          city
        }
        sendToUnknown
      }
    }
  }
`);
const decide = graphql(`
  mutation DestinationsDecide($claimId: ID!, $input: DecideClaimInput!) {
    decideClaim(claimId: $claimId, input: $input) {
      offers {
        resolution
        returnPostage
      }
    }
  }
`);
const choose = graphql(`
  mutation DestinationsChoose($claimId: ID!, $resolution: ClaimResolution!) {
    chooseClaimResolution(claimId: $claimId, resolution: $resolution) {
      status
      sendTo {
        ...DestinationAddress
      }
      sendToUnknown
      parcelReference
      returnPostage
    }
  }
`);
const readClaim = graphql(`
  query DestinationsClaim($id: ID!) {
    claim(id: $id) {
      sendTo {
        city
      }
      sendToUnknown
      parcelReference
      returnPostage
    }
  }
`);

const address = {
  name: 'Vitrine Returns',
  line1: '14 rue de la Soie',
  line2: 'Quai 3',
  postalCode: '69100',
  city: 'Villeurbanne',
  region: null,
  country: 'FR',
};
const staff = () => aftersales.staff.headers;

async function parcelLeftFrom(orderId: string, warehouseId: string | null): Promise<void> {
  const shipmentId = randomUUID();
  await aftersales.publish({
    source: 'logistics',
    definition: shipmentOpenedV1,
    subject: shipmentId,
    data: { shipmentId, customerId: customer.id, orderIds: [orderId], warehouseId, handoverBy: null, openedAt: new Date().toISOString() },
  });
  await eventually(async () => (await aftersales.sql('select 1 from aftersales.order_parcel where order_id = ?', [orderId])).length === 1);
}

async function warehouseCreated(warehouseId: string, returnAddress: typeof address | null): Promise<void> {
  await aftersales.publish({
    source: 'catalog',
    definition: warehouseCreatedV1,
    subject: warehouseId,
    data: { warehouseId, code: 'FR-LYS', name: 'Lyon', country: 'FR', heldByFactory: false, returnAddress },
  });
  await eventually(async () => (await aftersales.sql('select 1 from aftersales.known_warehouse where id = ?', [warehouseId])).length === 1);
}

async function warehouseUpdated(warehouseId: string, returnAddress: typeof address): Promise<void> {
  await aftersales.publish({
    source: 'catalog',
    definition: warehouseUpdatedV1,
    subject: warehouseId,
    data: {
      warehouseId,
      code: 'FR-LYS',
      name: 'Lyon',
      country: 'FR',
      heldByFactory: false,
      returnAddress,
      changed: ['returnAddress'],
      updatedAt: new Date().toISOString(),
    },
  });
  await eventually(
    async () =>
      (await aftersales.sql<{ city: string }>("select return_address->>'city' as city from aftersales.known_warehouse where id = ?", [warehouseId]))[0]
        ?.city === returnAddress.city,
  );
}

describe('where a return for preference goes', () => {
  it("is unknown (and why) until logistics and catalog said it, then the warehouse's return address, following a correction; the reference from the return's id", async () => {
    const { orderId, productId } = await aftersales.deliveredOrder(customer, { deliveredAt: new Date(), policy: 'deposit-store', unitPrice: 10_000 });
    const asked = await gql(aftersales.url, requestReturn, { input: { orderId, productId } }, customer.headers);
    expect(asked.errors).toBeUndefined();
    const returned = asked.data!.requestReturn;
    expect(returned).toMatchObject({ returnPostage: 'CUSTOMER', sendTo: null, sendToUnknown: 'PARCEL_UNKNOWN' });
    const hex = returned.id.replaceAll('-', '').slice(0, 12).toUpperCase();
    expect(returned.parcelReference).toBe(`RET-${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8)}`);
    const read = async () => (await gql(aftersales.url, readReturn, { id: returned.id }, customer.headers)).data!.preferenceReturn;

    const warehouseId = randomUUID();
    await parcelLeftFrom(orderId, warehouseId);
    expect(await read()).toMatchObject({ sendTo: null, sendToUnknown: 'WAREHOUSE_UNKNOWN' });
    await warehouseCreated(warehouseId, null);
    expect(await read()).toMatchObject({ sendTo: null, sendToUnknown: 'NO_RETURN_ADDRESS' });

    await warehouseUpdated(warehouseId, address);
    expect(await read()).toEqual({
      sendTo: { ...address, warehouseId, warehouseCode: 'FR-LYS' },
      sendToUnknown: null,
      parcelReference: returned.parcelReference,
    });
    // Staff's queue says where it is coming back to.
    expect((await gql(aftersales.url, queue, { orderId }, staff())).data!.preferenceReturns.items).toEqual([
      { id: returned.id, sendTo: { warehouseCode: 'FR-LYS', city: 'Villeurbanne' }, sendToUnknown: null },
    ]);

    const moved = { ...address, line1: '2 avenue Tony Garnier', postalCode: '69007', city: 'Lyon' };
    await warehouseUpdated(warehouseId, moved);
    expect((await read()).sendTo).toEqual({ ...moved, warehouseId, warehouseCode: 'FR-LYS' });
    // A second parcel for the order (a claim's replacement) does not move it: the order's first parcel is kept.
    const later = await aftersales.publish({
      source: 'logistics',
      definition: shipmentOpenedV1,
      subject: randomUUID(),
      data: {
        shipmentId: randomUUID(),
        customerId: customer.id,
        orderIds: [orderId],
        warehouseId: randomUUID(),
        handoverBy: null,
        openedAt: new Date().toISOString(),
      },
    });
    // Awaited by its inbox row, not by a pause: the assertion below then cannot pass before the event was applied.
    await eventually(async () => (await aftersales.sql('select 1 from aftersales.inbox_processed_event where event_id = ?', [later.id])).length === 1);
    expect((await read()).sendTo?.warehouseId).toBe(warehouseId);
  });

  it('is known at once when the order is returned after its parcel and warehouse were told; a parcel from no known warehouse says PARCEL_UNKNOWN', async () => {
    const warehouseId = randomUUID();
    await warehouseCreated(warehouseId, address);
    const first = await aftersales.deliveredOrder(customer, { deliveredAt: new Date(), policy: 'deposit-store' });
    await parcelLeftFrom(first.orderId, warehouseId);
    const asked = (await gql(aftersales.url, requestReturn, { input: { orderId: first.orderId, productId: first.productId } }, customer.headers)).data!;
    expect(asked.requestReturn.sendTo).toEqual({ ...address, warehouseId, warehouseCode: 'FR-LYS' });

    const second = await aftersales.deliveredOrder(customer, { deliveredAt: new Date(), policy: 'deposit-store' });
    await parcelLeftFrom(second.orderId, null);
    const unknown = (await gql(aftersales.url, requestReturn, { input: { orderId: second.orderId, productId: second.productId } }, customer.headers)).data!;
    expect(unknown.requestReturn).toMatchObject({ sendTo: null, sendToUnknown: 'PARCEL_UNKNOWN' });
  });
});

describe("where a claim's item goes", () => {
  it('only once the customer chose RETURN: the same address, a CLM- reference and the postage of the offer chosen', async () => {
    const { claimId, orderId } = await submittedClaim(aftersales, customer, { deliveredAt: new Date(), policy: 'deposit-store', unitPrice: 15_000 });
    const warehouseId = randomUUID();
    await warehouseCreated(warehouseId, address);
    await parcelLeftFrom(orderId, warehouseId);
    expect((await gql(aftersales.url, readClaim, { id: claimId }, customer.headers)).data!.claim).toEqual({
      sendTo: null,
      sendToUnknown: 'NOT_A_RETURN',
      parcelReference: null,
      returnPostage: null,
    });
    const decided = await gql(aftersales.url, decide, { claimId, input: { grades: [{}], resolutions: ['RETURN'] } }, staff());
    const postage = decided.data!.decideClaim.offers.find((o) => o.resolution === 'RETURN')!.returnPostage;
    expect(postage).toEqual(expect.any(String));
    const chosen = await gql(aftersales.url, choose, { claimId, resolution: 'RETURN' }, customer.headers);
    expect(chosen.errors).toBeUndefined();
    const hex = claimId.replaceAll('-', '').slice(0, 12).toUpperCase();
    expect(chosen.data!.chooseClaimResolution).toEqual({
      status: 'RESOLVING',
      sendTo: { ...address, warehouseId, warehouseCode: 'FR-LYS' },
      sendToUnknown: null,
      parcelReference: `CLM-${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8)}`,
      returnPostage: postage,
    });
    // Staff read it the same.
    expect((await gql(aftersales.url, readClaim, { id: claimId }, staff())).data!.claim).toMatchObject({
      sendTo: { city: 'Villeurbanne' },
      returnPostage: postage,
    });
  });
});
