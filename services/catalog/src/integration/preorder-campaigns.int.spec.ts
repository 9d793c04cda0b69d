import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '@vitrine/contracts';
import { eventually, gql, listenToTopic, timersCheckedPast, type TestIdentity, type TopicListener } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import type { ChangePreorderTermsInput, OpenPreorderInput, PreorderCloseReason, ProductStatus } from '../__generated__/graphql.js';
import { bootCatalog, type CatalogHarness } from './harness.js';

// Staff open, schedule, change and close preorder windows; scheduled ends
// are durable timers fired by catalog's scheduler, and every change is
// announced on the real Kafka broker. (Windows that customers' orders sell
// out are in e2e/src/preorder-campaigns.e2e.spec.ts.)
let catalog: CatalogHarness;
let listener: TopicListener;

beforeAll(async () => {
  catalog = await bootCatalog('preorder_campaigns', { TIMER_POLL_MS: '100' });
  listener = await listenToTopic(catalog, topics.catalogProduct);
});
afterAll(async () => {
  await listener?.stop();
  await catalog?.stop();
});

graphql(`
  fragment CampaignFields on PreorderCampaign {
    state
    opensAt
    closesAt
    paymentPlan {
      kind
      depositPercent
      fullPaymentAllowed
    }
    limitedQuantity
    closedAt
    closeReason
    closeNote
  }
`);
const openMutation = graphql(`
  mutation CampaignsOpen($id: ID!, $input: OpenPreorderInput!) {
    openPreorderCampaign(productId: $id, input: $input) {
      ...CampaignFields
    }
  }
`);
const changeMutation = graphql(`
  mutation CampaignsChange($id: ID!, $input: ChangePreorderTermsInput!, $reason: String!) {
    changePreorderTerms(productId: $id, input: $input, reason: $reason) {
      ...CampaignFields
    }
  }
`);
const closeMutation = graphql(`
  mutation CampaignsClose($id: ID!, $reason: PreorderCloseReason!, $note: String!) {
    closePreorderEarly(productId: $id, reason: $reason, note: $note) {
      ...CampaignFields
    }
  }
`);
const statusMutation = graphql(`
  mutation CampaignsStatus($id: ID!, $status: ProductStatus!, $reason: String!) {
    changeProductStatus(productId: $id, status: $status, reason: $reason) {
      id
      status
    }
  }
`);
const productQuery = graphql(`
  query CampaignsProduct($id: ID!) {
    product(id: $id) {
      id
      status
      preorderCampaign {
        ...CampaignFields
      }
    }
  }
`);

const open = (id: string, input: OpenPreorderInput, who: TestIdentity = catalog.admin) => gql(catalog.url, openMutation, { id, input }, who.headers);
const change = (id: string, input: ChangePreorderTermsInput, reason = 'The maker extended the window.') =>
  gql(catalog.url, changeMutation, { id, input, reason }, catalog.admin.headers);
const close = (id: string, reason: PreorderCloseReason, note: string) => gql(catalog.url, closeMutation, { id, reason, note }, catalog.admin.headers);
const setStatus = (id: string, status: ProductStatus) => gql(catalog.url, statusMutation, { id, status, reason: 'Per the maker.' }, catalog.admin.headers);
const product = async (id: string) => (await gql(catalog.url, productQuery, { id }, {})).data!.product!;
const eventsOf = (productId: string, type: string) => listener.received.filter((e) => e.subject === productId && e.type === type).map((e) => e.data);
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
const sql = <T = any>(query: string, params: unknown[] = []) => catalog.sql<T>(query, params);

async function announcedProduct(): Promise<string> {
  const sku = `PRE-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await gql(
    catalog.url,
    graphql(`
      mutation CampaignsCreateAnnounced($input: CreateProductInput!) {
        createProduct(input: $input) {
          id
        }
      }
    `),
    { input: { sku, name: `Statue ${sku}`, price: { amount: 89900, currency: 'EUR' }, stock: 0, status: 'ANNOUNCED' } },
    catalog.admin.headers,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createProduct.id;
}

describe('opening a preorder window', () => {
  it('opens now with its terms: the product goes on preorder and PreorderOpened carries the terms', async () => {
    const id = await announcedProduct();
    const closesAt = inSeconds(3600);
    const res = await open(id, { closesAt, limitedQuantity: 150, paymentPlan: { kind: 'DEPOSIT', depositPercent: 30, fullPaymentAllowed: true } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.openPreorderCampaign).toMatchObject({
      state: 'OPEN',
      closesAt,
      limitedQuantity: 150,
      paymentPlan: { kind: 'DEPOSIT', depositPercent: 30, fullPaymentAllowed: true },
      closedAt: null,
    });
    expect((await product(id)).status).toBe('PREORDER');

    await eventually(async () => eventsOf(id, 'catalog.product.preorder-opened').length === 1);
    expect(eventsOf(id, 'catalog.product.preorder-opened')[0]).toMatchObject({
      productId: id,
      closesAt,
      limitedQuantity: 150,
      paymentPlan: { kind: 'DEPOSIT', depositPercent: 30, fullPaymentAllowed: true },
    });
    await eventually(async () => eventsOf(id, 'catalog.product.status-changed').length === 1);
    expect(eventsOf(id, 'catalog.product.status-changed')[0]).toMatchObject({ from: 'ANNOUNCED', to: 'PREORDER', actorId: catalog.admin.id });
    // Staff read the product's audit trail, newest first; customers may not.
    const trailQuery = graphql(`
      query CampaignsAuditTrail($id: ID!) {
        product(id: $id) {
          auditTrail(first: 10) {
            action
            actorId
            at
            details
          }
        }
      }
    `);
    const trail = (await gql(catalog.url, trailQuery, { id }, catalog.admin.headers)).data!.product!.auditTrail;
    expect(trail.map((e) => e.action).sort()).toEqual(['preorder.opened', 'product.created', 'product.preorder-limit-set', 'product.status-changed']);
    expect(trail.at(-1)!.action).toBe('product.created');
    expect(trail.every((e) => e.actorId === catalog.admin.id)).toBe(true);
    expect(JSON.parse(trail.find((e) => e.action === 'preorder.opened')!.details)).toMatchObject({ limitedQuantity: 150, closesAt });
    expect((await gql(catalog.url, trailQuery, { id }, catalog.customer.headers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a scheduled window opens and closes on its own, on time, through durable timers', async () => {
    const id = await announcedProduct();
    const opensAt = inSeconds(1.5);
    const closesAt = inSeconds(4);
    const res = await open(id, { opensAt, closesAt, paymentPlan: { kind: 'PAY_ON_ARRIVAL' } });
    expect(res.data!.openPreorderCampaign).toMatchObject({ state: 'SCHEDULED', opensAt, closesAt });
    expect((await product(id)).status).toBe('ANNOUNCED');
    expect(await sql(`select kind from catalog.scheduled_timer where key = ?`, [id])).toEqual([{ kind: 'catalog.preorder.open' }]);

    await eventually(async () => (await product(id)).status === 'PREORDER', { timeoutMs: 15_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(opensAt));
    expect((await product(id)).preorderCampaign?.state).toBe('OPEN');

    await eventually(async () => (await product(id)).status === 'PREORDER_CLOSED', { timeoutMs: 15_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(closesAt));
    expect((await product(id)).preorderCampaign).toMatchObject({ state: 'CLOSED', closeReason: 'SCHEDULED', closeNote: null });

    await eventually(async () => eventsOf(id, 'catalog.product.preorder-closed').length === 1);
    expect(eventsOf(id, 'catalog.product.preorder-closed')[0]).toMatchObject({ productId: id, reason: 'SCHEDULED', note: null });
    // Scheduled moves act for the staff member who set the dates.
    await eventually(async () => eventsOf(id, 'catalog.product.status-changed').length === 2);
    expect(eventsOf(id, 'catalog.product.status-changed').map((e) => [e.from, e.to, e.actorId])).toEqual([
      ['ANNOUNCED', 'PREORDER', catalog.admin.id],
      ['PREORDER', 'PREORDER_CLOSED', catalog.admin.id],
    ]);
  });

  it('a window that fell due while no scheduler ran opens as soon as one runs again (the deadline is a row, not a setTimeout)', async () => {
    const scheduler = catalog.service.timers!;
    await scheduler.stop();
    try {
      const id = await announcedProduct();
      const opensAt = inSeconds(0.5);
      await open(id, { opensAt, closesAt: inSeconds(3600) });
      await eventually(() => Date.now() > Date.parse(opensAt), { intervalMs: 20 });
      expect((await product(id)).status).toBe('ANNOUNCED');
      scheduler.start();
      await eventually(async () => (await product(id)).status === 'PREORDER', { timeoutMs: 10_000 });
    } finally {
      scheduler.start();
    }
  });

  it('refuses bad terms and products that cannot go on preorder, writing nothing', async () => {
    const id = await announcedProduct();
    const bad = await open(id, { opensAt: inSeconds(7200), closesAt: inSeconds(3600), limitedQuantity: 0, paymentPlan: { kind: 'DEPOSIT' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [
        { field: 'closesAt', reason: 'CLOSES_BEFORE_OPENING' },
        { field: 'limitedQuantity', reason: 'OUT_OF_RANGE' },
        { field: 'paymentPlan.depositPercent', reason: 'REQUIRED' },
      ],
    });
    expect((await product(id)).preorderCampaign).toBeNull();

    expect((await open(id, {}, catalog.customer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await product(id)).preorderCampaign).toBeNull();

    for (const status of ['RELEASED', 'IN_STOCK'] as const) expect((await setStatus(id, status)).errors).toBeUndefined();
    const released = await open(id, {});
    expect(released.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'PREORDER_NOT_ALLOWED' });
    expect((await product(id)).preorderCampaign).toBeNull();
  });

  it('a product already on preorder changes its terms instead of reopening', async () => {
    const id = await announcedProduct();
    await open(id, {});
    expect((await open(id, {})).errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'PREORDER_ALREADY_OPEN' });
  });
});

describe('closing a window early', () => {
  it('closes for the maker, with a note customers read; a closed window cannot close again', async () => {
    const id = await announcedProduct();
    await open(id, { closesAt: inSeconds(3600) });
    const res = await close(id, 'MAKER_REQUEST', 'The studio stopped production early.');
    expect(res.errors).toBeUndefined();
    expect(res.data!.closePreorderEarly).toMatchObject({ state: 'CLOSED', closeReason: 'MAKER_REQUEST', closeNote: 'The studio stopped production early.' });
    expect((await product(id)).status).toBe('PREORDER_CLOSED');
    // The scheduled close went with it.
    expect(await sql(`select count(*)::int as n from catalog.scheduled_timer where key = ? and fired_at is null`, [id])).toEqual([{ n: 0 }]);
    await eventually(async () => eventsOf(id, 'catalog.product.preorder-closed').length === 1);
    expect(eventsOf(id, 'catalog.product.preorder-closed')[0]).toMatchObject({ reason: 'MAKER_REQUEST', note: 'The studio stopped production early.' });

    expect((await close(id, 'SOLD_OUT', 'Again.')).errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'PREORDER_NOT_OPEN' });
  });

  it('refuses platform-only reasons and an empty note', async () => {
    const id = await announcedProduct();
    await open(id, {});
    expect((await close(id, 'SCHEDULED', 'Closing.')).errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'PREORDER_CLOSE_REASON' });
    expect((await close(id, 'SOLD_OUT', '  ')).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'note', reason: 'REQUIRED' }],
    });
    expect((await product(id)).status).toBe('PREORDER');
  });

  it('calls off a scheduled window: it never opens and nothing is announced', async () => {
    const id = await announcedProduct();
    const opensAt = inSeconds(1);
    await open(id, { opensAt });
    expect((await close(id, 'MAKER_REQUEST', 'The maker postponed the project.')).data!.closePreorderEarly.state).toBe('CLOSED');
    await timersCheckedPast(catalog.service.timers!, opensAt);
    expect((await product(id)).status).toBe('ANNOUNCED');
    expect(eventsOf(id, 'catalog.product.preorder-opened')).toEqual([]);
    expect(eventsOf(id, 'catalog.product.preorder-closed')).toEqual([]);
  });
});

describe('changing terms', () => {
  it('extending a window moves its timer: the old close date passes without closing', async () => {
    const id = await announcedProduct();
    const oldClose = inSeconds(1.5);
    await open(id, { closesAt: oldClose });
    const later = inSeconds(3600);
    const res = await change(id, { closesAt: later, limitedQuantity: 80 });
    expect(res.errors).toBeUndefined();
    expect(res.data!.changePreorderTerms).toMatchObject({ state: 'OPEN', closesAt: later, limitedQuantity: 80 });
    await timersCheckedPast(catalog.service.timers!, oldClose);
    expect((await product(id)).status).toBe('PREORDER');
    await eventually(async () => eventsOf(id, 'catalog.product.preorder-terms-changed').length === 1);
    expect(eventsOf(id, 'catalog.product.preorder-terms-changed')[0]).toMatchObject({
      closesAt: later,
      limitedQuantity: 80,
      reason: 'The maker extended the window.',
      actorId: catalog.admin.id,
    });
  });

  it('refuses a change on a closed window and a close date in the past', async () => {
    const id = await announcedProduct();
    await open(id, {});
    expect((await change(id, { closesAt: inSeconds(-60) })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'closesAt', reason: 'IN_THE_PAST' }],
    });
    await close(id, 'STORE_DECISION', 'Enough orders for the maker.');
    expect((await change(id, { limitedQuantity: 10 })).errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'PREORDER_NOT_OPEN' });
  });
});

describe('closing soon', () => {
  it('lists only open windows that close by the date given', async () => {
    const [soon, later, scheduled] = [await announcedProduct(), await announcedProduct(), await announcedProduct()];
    await open(soon, { closesAt: inSeconds(3600) });
    await open(later, { closesAt: inSeconds(10 * 86_400) });
    await open(scheduled, { opensAt: inSeconds(600), closesAt: inSeconds(1800) });
    const listed = async (before: string) => {
      const res = await gql(
        catalog.url,
        graphql(`
          query CampaignsClosingSoon($filter: ProductFilter) {
            products(filter: $filter, first: 50) {
              totalCount
              edges {
                node {
                  id
                }
              }
            }
          }
        `),
        { filter: { preorderClosingBefore: before } },
      );
      expect(res.errors).toBeUndefined();
      const ids = res.data!.products.edges.map((e) => e.node.id);
      return [soon, later, scheduled].filter((id) => ids.includes(id));
    };
    expect(await listed(inSeconds(86_400))).toEqual([soon]);
    expect(await listed(inSeconds(30 * 86_400))).toEqual([soon, later]);
    await close(soon, 'STORE_DECISION', 'Enough orders.');
    expect(await listed(inSeconds(86_400))).toEqual([]);
  });
});

describe('the window follows status changes made by hand', () => {
  it('PREORDER opens an open-ended window, leaving it closes the window, reopening keeps the terms', async () => {
    const id = await announcedProduct();
    await setStatus(id, 'PREORDER');
    expect((await product(id)).preorderCampaign).toMatchObject({ state: 'OPEN', closesAt: null, paymentPlan: null, limitedQuantity: null });

    await open(id, {}).then((r) => expect(r.errors?.[0]?.extensions?.code).toBe('POLICY_VIOLATION'));
    const changed = await change(id, { paymentPlan: { kind: 'CHARGE_AT_SHIP' }, closesAt: inSeconds(3600) });
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.changePreorderTerms).toMatchObject({ state: 'OPEN', paymentPlan: { kind: 'CHARGE_AT_SHIP' } });
    expect((await setStatus(id, 'PREORDER_CLOSED')).errors).toBeUndefined();
    expect((await product(id)).preorderCampaign).toMatchObject({ state: 'CLOSED', closeReason: 'STATUS_CHANGED', closeNote: 'Per the maker.' });

    // Back to PREORDER by hand: the window reopens with its terms, but without the old close date.
    expect((await setStatus(id, 'PREORDER')).errors).toBeUndefined();
    expect(await product(id)).toMatchObject({
      status: 'PREORDER',
      preorderCampaign: {
        state: 'OPEN',
        closesAt: null,
        paymentPlan: { kind: 'CHARGE_AT_SHIP', depositPercent: null, fullPaymentAllowed: false },
        limitedQuantity: null,
        closedAt: null,
        closeReason: null,
      },
    });
    await eventually(async () => eventsOf(id, 'catalog.product.preorder-opened').length === 2);
    expect(eventsOf(id, 'catalog.product.preorder-opened')[1]).toMatchObject({ closesAt: null, paymentPlan: { kind: 'CHARGE_AT_SHIP' } });

    // Closed again, staff reopen with new terms instead.
    expect((await setStatus(id, 'PREORDER_CLOSED')).errors).toBeUndefined();
    const reopened = await open(id, { closesAt: inSeconds(3600), paymentPlan: { kind: 'FULL_PAYMENT' } });
    expect(reopened.data!.openPreorderCampaign).toMatchObject({ state: 'OPEN', paymentPlan: { kind: 'FULL_PAYMENT' }, closeReason: null });
    expect((await product(id)).status).toBe('PREORDER');
    await eventually(async () => eventsOf(id, 'catalog.product.preorder-opened').length === 3);
  });

  it('a product discontinued before its scheduled opening never opens', async () => {
    const id = await announcedProduct();
    const opensAt = inSeconds(1);
    expect((await open(id, { opensAt })).data!.openPreorderCampaign).toMatchObject({ state: 'SCHEDULED', opensAt });
    expect((await setStatus(id, 'DISCONTINUED')).errors).toBeUndefined();
    expect((await product(id)).preorderCampaign).toMatchObject({ state: 'CLOSED', closeReason: 'STATUS_CHANGED' });
    // The opening timer went with the window: nothing is left to fire.
    expect(await sql(`select count(*)::int as n from catalog.scheduled_timer where key = ? and fired_at is null`, [id])).toEqual([{ n: 0 }]);
    // Once the scheduler has looked past the opening time: still discontinued, nothing opened or announced.
    await timersCheckedPast(catalog.service.timers!, opensAt);
    expect(await product(id)).toMatchObject({ status: 'DISCONTINUED', preorderCampaign: { state: 'CLOSED', closeReason: 'STATUS_CHANGED' } });
    expect(await sql(`select count(*)::int as n from catalog.scheduled_timer where key = ? and fired_at is null`, [id])).toEqual([{ n: 0 }]);
    expect(await sql("select count(*)::int as n from catalog.outbox_message where key = ? and type = 'catalog.product.preorder-opened'", [id])).toEqual([
      { n: 0 },
    ]);
    expect(eventsOf(id, 'catalog.product.preorder-opened')).toEqual([]);
  });

  it('a product created on preorder has an open window at once', async () => {
    const sku = `PRE-NEW-${Date.now()}`;
    const res = await gql(
      catalog.url,
      graphql(`
        mutation CampaignsCreateOnPreorder($input: CreateProductInput!) {
          createProduct(input: $input) {
            id
            status
            preorderCampaign {
              state
              closesAt
            }
          }
        }
      `),
      { input: { sku, name: 'Fresh preorder', price: { amount: 19900, currency: 'EUR' }, stock: 10, status: 'PREORDER' } },
      catalog.admin.headers,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createProduct).toMatchObject({ status: 'PREORDER', preorderCampaign: { state: 'OPEN', closesAt: null } });
  });
});
