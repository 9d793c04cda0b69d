import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeUnitHeldV1, productPublishedV1, shipmentDispatchedV1 } from '@vitrine/contracts';
import { eventually, gql, type TestIdentity } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { submittedClaim } from './claim-steps.js';
import { bootAftersales, type AftersalesHarness } from './harness.js';

// A replacement part the customer picks goes to logistics (ReplacementRequested); its parcel's dispatch closes the claim.
// Catalog's parts list, kept as a projection, names a claim's parts.
let aftersales: AftersalesHarness;
let customer: TestIdentity;

beforeAll(async () => {
  aftersales = await bootAftersales('replacements');
  customer = await aftersales.tokens.customer();
}, 600_000);
afterAll(async () => {
  await aftersales?.stop();
});

const startClaim = graphql(`
  mutation ReplacementsStart($input: StartClaimInput!) {
    startClaim(input: $input) {
      id
      parts {
        name
        category
        issue
      }
    }
  }
`);
const decide = graphql(`
  mutation ReplacementsDecide($claimId: ID!, $input: DecideClaimInput!) {
    decideClaim(claimId: $claimId, input: $input) {
      status
    }
  }
`);
const choose = graphql(`
  mutation ReplacementsChoose($claimId: ID!, $resolution: ClaimResolution!) {
    chooseClaimResolution(claimId: $claimId, resolution: $resolution) {
      status
    }
  }
`);
const read = graphql(`
  query ReplacementsRead($id: ID!) {
    claim(id: $id) {
      status
      resolution
    }
  }
`);

const exchangeUnitOf = graphql(`
  query ReplacementsExchangeUnit($id: ID!) {
    claim(id: $id) {
      exchangeUnit
      exchangeWarehouseId
    }
  }
`);

const codeOf = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions;
const outbox = async (orderId: string, type: string) =>
  (
    await aftersales.sql<{ data: Record<string, any> }>(
      "select envelope->'data' as data from aftersales.outbox_message where key = ? and type = ? order by seq",
      [orderId, type],
    )
  ).map((r) => r.data);

function dispatched(claimId: string | null, orderId: string, kind?: 'ORDER' | 'REPLACEMENT') {
  return aftersales.publish({
    source: 'logistics',
    definition: shipmentDispatchedV1,
    subject: randomUUID(),
    data: {
      shipmentId: randomUUID(),
      customerId: customer.id,
      orderIds: [orderId],
      carrier: 'COLISSIMO',
      trackingNumber: `TRK${randomUUID().slice(0, 8)}`,
      weightGrams: 300,
      dimensions: { lengthMm: 200, widthMm: 100, heightMm: 50 },
      finalCost: { amount: 900, currency: 'USD' },
      dispatchedAt: new Date().toISOString(),
      ...(kind ? { kind } : {}),
      claimId,
    },
  });
}

describe('a replacement part', () => {
  it('asks logistics for the part with its lead time; the parcel’s dispatch closes the claim (closedBy null), once', async () => {
    const { claimId, orderId } = await submittedClaim(aftersales, customer, { deliveredAt: new Date(), policy: 'deposit-store' });
    const staff = aftersales.staff.headers;
    expect(
      (await gql(aftersales.url, decide, { claimId, input: { grades: [{}], resolutions: ['REPLACEMENT_PART'], studioHasParts: true } }, staff)).data,
    ).toBeTruthy();
    expect((await gql(aftersales.url, choose, { claimId, resolution: 'REPLACEMENT_PART' }, customer.headers)).data?.chooseClaimResolution.status).toBe(
      'RESOLVING',
    );
    const [requested] = await outbox(orderId, 'aftersales.claim.replacement-requested');
    expect(requested).toMatchObject({
      claimId,
      orderId,
      customerId: customer.id,
      resolution: 'REPLACEMENT_PART',
      parts: [{ name: null, category: 'WEAPON_LARGE', issue: 'STRUCTURAL_BREAKAGE' }],
      leadTime: { outcome: 'WINDOW', earliest: expect.any(String), latest: expect.any(String) },
      atWarehouse: { earliest: expect.any(String), latest: expect.any(String) },
    });
    expect(requested!.atWarehouse.latest < requested!.leadTime.earliest).toBe(true);

    // An order's parcel (no kind) or another claim's replacement changes nothing here.
    await dispatched(null, orderId);
    await dispatched(randomUUID(), orderId, 'REPLACEMENT');
    await dispatched(claimId, orderId, 'REPLACEMENT');
    await eventually(async () => (await gql(aftersales.url, read, { id: claimId }, customer.headers)).data?.claim?.status === 'CLOSED');
    const resolved = await outbox(orderId, 'aftersales.claim.resolved');
    expect(resolved).toEqual([expect.objectContaining({ claimId, resolution: 'REPLACEMENT_PART', refund: null, closedBy: null })]);

    // A second dispatch for it (a redelivered or duplicate parcel) closes nothing again: audited.
    await dispatched(claimId, orderId, 'REPLACEMENT');
    await eventually(
      async () =>
        (await aftersales.sql("select 1 from aftersales.audit_entry where subject = ? and action = 'claim.replacement-dispatched'", [claimId])).length === 2,
    );
    expect(await outbox(orderId, 'aftersales.claim.resolved')).toHaveLength(1);
    const audits = await aftersales.sql<{ details: Record<string, unknown> }>(
      "select details from aftersales.audit_entry where subject = ? and action = 'claim.replacement-dispatched' order by at",
      [claimId],
    );
    expect(audits.map((a) => a.details.closed)).toEqual([true, false]);
  });

  it('a partial refund or a return asks logistics for nothing', async () => {
    const { claimId, orderId } = await submittedClaim(aftersales, customer, { deliveredAt: new Date(), policy: 'deposit-store' });
    await gql(aftersales.url, decide, { claimId, input: { grades: [{}], resolutions: ['RETURN'] } }, aftersales.staff.headers);
    await gql(aftersales.url, choose, { claimId, resolution: 'RETURN' }, customer.headers);
    expect(await outbox(orderId, 'aftersales.claim.replacement-requested')).toEqual([]);
  });
});

describe("catalog's parts list", () => {
  it('names a claim’s parts once catalog published them; unknown names and wrong categories are refused with nothing saved', async () => {
    const { orderId, productId } = await aftersales.deliveredOrder(customer, { deliveredAt: new Date(), policy: 'deposit-store' });
    const base = { orderId, productId, kind: 'ACCESSORY_DAMAGED' as const, description: 'The katana arrived snapped.' };
    // Before catalog tells the list, a name needs its category and is kept as given.
    const early = await gql(aftersales.url, startClaim, { input: { ...base, parts: [{ name: 'Katana', issue: 'STRUCTURAL_BREAKAGE' }] } }, customer.headers);
    expect(codeOf(early)).toMatchObject({ code: 'BAD_USER_INPUT', problems: [expect.objectContaining({ field: 'parts.0.category', reason: 'REQUIRED' })] });

    await aftersales.publish({
      source: 'catalog',
      definition: productPublishedV1,
      subject: productId,
      data: {
        productId,
        sku: `SKU-${productId.slice(0, 8)}`,
        name: 'Statue',
        price: { amount: 20_000, currency: 'USD' },
        status: 'IN_STOCK',
        parts: [
          { name: 'Head sculpt', category: 'HEAD_SCULPT' },
          { name: 'Katana', category: 'WEAPON_LARGE' },
        ],
      },
    });
    await eventually(async () => (await aftersales.sql('select 1 from aftersales.known_product_part where product_id = ?', [productId])).length === 2);

    const unknown = await gql(aftersales.url, startClaim, { input: { ...base, parts: [{ name: 'Cape', issue: 'STRUCTURAL_BREAKAGE' }] } }, customer.headers);
    expect(codeOf(unknown)).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [expect.objectContaining({ field: 'parts.0.name', reason: 'UNKNOWN_PART', message: "This product's parts are: Head sculpt, Katana." })],
    });
    const mismatch = await gql(
      aftersales.url,
      startClaim,
      { input: { ...base, parts: [{ name: 'katana', category: 'WEAPON_SMALL', issue: 'STRUCTURAL_BREAKAGE' }] } },
      customer.headers,
    );
    expect(codeOf(mismatch)).toMatchObject({ problems: [expect.objectContaining({ field: 'parts.0.category', reason: 'CATEGORY_MISMATCH' })] });
    expect(await aftersales.sql('select 1 from aftersales.claim where order_id = ?', [orderId])).toEqual([]);

    const named = await gql(
      aftersales.url,
      startClaim,
      {
        input: {
          ...base,
          parts: [
            { name: ' katana ', issue: 'STRUCTURAL_BREAKAGE' },
            { category: 'FIGURE_STAND', issue: 'DETACHMENT_FIXABLE' },
          ],
        },
      },
      customer.headers,
    );
    expect(named.data?.startClaim.parts, JSON.stringify(named.errors)).toEqual([
      { name: 'Katana', category: 'WEAPON_LARGE', issue: 'STRUCTURAL_BREAKAGE' },
      { name: null, category: 'FIGURE_STAND', issue: 'DETACHMENT_FIXABLE' },
    ]);

    // A later ProductPublished replaces the list whole; one without `parts` (an older publisher) leaves it.
    await aftersales.publish({
      source: 'catalog',
      definition: productPublishedV1,
      subject: productId,
      data: {
        productId,
        sku: `SKU-${productId.slice(0, 8)}`,
        name: 'Statue',
        price: { amount: 20_000, currency: 'USD' },
        parts: [{ name: 'Base', category: 'SCENE_PROP' }],
      },
    });
    await aftersales.publish({
      source: 'catalog',
      definition: productPublishedV1,
      subject: productId,
      data: { productId, sku: `SKU-${productId.slice(0, 8)}`, name: 'Statue', price: { amount: 20_000, currency: 'USD' } },
    });
    await eventually(async () => {
      const rows = await aftersales.sql<{ name: string }>('select name from aftersales.known_product_part where product_id = ? order by position', [productId]);
      return rows.map((r) => r.name).join() === 'Base';
    });
  });
});

describe('an exchange’s new unit', () => {
  it('keeps what catalog says of it on the claim for staff: HELD in a warehouse, or UNAVAILABLE (audited)', async () => {
    const held = await submittedClaim(aftersales, customer, { deliveredAt: new Date(), policy: 'deposit-store' });
    const none = await submittedClaim(aftersales, customer, { deliveredAt: new Date(), policy: 'deposit-store' });
    const warehouseId = randomUUID();
    for (const [claimId, outcome] of [
      [held.claimId, 'HELD'],
      [none.claimId, 'UNAVAILABLE'],
    ] as const) {
      await aftersales.publish({
        source: 'catalog',
        definition: exchangeUnitHeldV1,
        subject: claimId,
        data: { claimId, productId: randomUUID(), outcome, warehouseId: outcome === 'HELD' ? warehouseId : null, at: new Date().toISOString() },
      });
    }
    const staff = aftersales.staff.headers;
    await eventually(async () => (await gql(aftersales.url, exchangeUnitOf, { id: none.claimId }, staff)).data?.claim?.exchangeUnit === 'UNAVAILABLE');
    await eventually(async () => (await gql(aftersales.url, exchangeUnitOf, { id: held.claimId }, staff)).data?.claim?.exchangeUnit === 'HELD');
    expect((await gql(aftersales.url, exchangeUnitOf, { id: held.claimId }, staff)).data?.claim).toEqual({
      exchangeUnit: 'HELD',
      exchangeWarehouseId: warehouseId,
    });
    expect((await gql(aftersales.url, exchangeUnitOf, { id: none.claimId }, staff)).data?.claim).toEqual({
      exchangeUnit: 'UNAVAILABLE',
      exchangeWarehouseId: null,
    });
    const audits = await aftersales.sql<{ action: string }>(
      "select action from aftersales.audit_entry where subject in (?) and action like 'claim.exchange-unit-%' order by action",
      [[held.claimId, none.claimId]],
    );
    expect(audits.map((a) => a.action)).toEqual(['claim.exchange-unit-held', 'claim.exchange-unit-unavailable']);
  });
});
