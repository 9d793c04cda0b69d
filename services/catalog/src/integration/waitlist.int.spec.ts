import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPlacedV1, orderStatusChangedV1, topics } from '@vitrine/contracts';
import { eventually, gql, listenToTopic, type TestIdentity, type TopicListener } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { bootCatalog, createProduct, type CatalogHarness } from './harness.js';

// Notify me and the waitlist of a sold-out limited run, driven by the events
// orders sends (OrderPlaced, OrderStatusChanged) on the real broker; offers
// expire through catalog's durable timers. (Parallel reservations against a
// hold: waitlist-concurrency.int.spec.ts.)
let catalog: CatalogHarness;
let productEvents: TopicListener;
let stockEvents: TopicListener;

beforeAll(async () => {
  catalog = await bootCatalog('waitlist', { TIMER_POLL_MS: '100' });
  [productEvents, stockEvents] = await Promise.all([listenToTopic(catalog, topics.catalogProduct), listenToTopic(catalog, topics.catalogStock)]);
});
afterAll(async () => {
  await productEvents?.stop();
  await stockEvents?.stop();
  await catalog?.stop();
});

const notifyMe = graphql(`
  mutation WaitlistNotifyMe($id: ID!) {
    notifyMe(productId: $id) {
      id
      kind
      state
    }
  }
`);
const joinWaitlist = graphql(`
  mutation WaitlistJoin($id: ID!, $quantity: Int) {
    joinWaitlist(productId: $id, quantity: $quantity) {
      id
      kind
      state
      quantity
      position
    }
  }
`);
const withdraw = graphql(`
  mutation WaitlistWithdraw($id: ID!) {
    withdrawProductInterest(id: $id) {
      id
      state
    }
  }
`);
const myInterests = graphql(`
  query WaitlistMine($productId: ID) {
    myProductInterests(productId: $productId, includeSettled: true) {
      id
      kind
      state
      position
      offer {
        quantity
        expiresAt
      }
    }
  }
`);
const productQuery = graphql(`
  query WaitlistProduct($id: ID!) {
    product(id: $id) {
      status
      availableQuantity
      waitlistLength
      preorderCampaign {
        state
        closeReason
      }
    }
  }
`);
const settings = graphql(`
  mutation WaitlistSettings($hours: Int!) {
    setWaitlistOfferHours(hours: $hours) {
      waitlistOfferHours
    }
  }
`);

const as = (who: TestIdentity) => ({
  notifyMe: (id: string) => gql(catalog.url, notifyMe, { id }, who.headers),
  join: (id: string, quantity?: number) => gql(catalog.url, joinWaitlist, { id, quantity }, who.headers),
  withdraw: (id: string) => gql(catalog.url, withdraw, { id }, who.headers),
  mine: async (productId: string) => (await gql(catalog.url, myInterests, { productId }, who.headers)).data!.myProductInterests,
});
const product = async (id: string) => (await gql(catalog.url, productQuery, { id })).data!.product!;
const limitedRun = (units: number) => createProduct(catalog, 0, 5000, { status: 'PREORDER', limitedQuantity: units, stock: null, warehouseId: null });

/** Sends OrderPlaced as orders does and waits for catalog's answer (`reserved` or `rejected`). */
async function order(customer: TestIdentity, productId: string, quantity = 1): Promise<{ orderId: string; outcome: string }> {
  const orderId = randomUUID();
  await catalog.publish({
    source: 'orders',
    definition: orderPlacedV1,
    subject: orderId,
    data: { orderId, customerId: customer.id, lines: [{ productId, quantity }] },
  });
  const answer = await eventually(() => stockEvents.received.find((e) => e.subject === orderId && e.type !== 'catalog.stock.released'));
  return { orderId, outcome: answer.type.replace('catalog.stock.', '') };
}
async function cancel(orderId: string): Promise<void> {
  await catalog.publish({ source: 'orders', definition: orderStatusChangedV1, subject: orderId, data: { orderId, from: 'AWAITING_PAYMENT', to: 'CANCELLED' } });
  await eventually(() => stockEvents.received.some((e) => e.subject === orderId && e.type === 'catalog.stock.released'));
}
const eventsOf = (productId: string, type: string) => productEvents.received.filter((e) => e.subject === productId && e.type === `catalog.product.${type}`);
const pool = async (productId: string) =>
  (
    await catalog.sql<{ capacity: number; reserved: number }>('select capacity, reserved from catalog.preorder_allocation where product_id = ?', [productId])
  )[0];
const expireOffer = async (offerId: string) => {
  // The offer's durable timer is brought forward instead of waiting its hours; the scheduler fires it as it would on time.
  await catalog.sql(`update catalog.scheduled_timer set due_at = now() - interval '1 second' where kind = 'catalog.waitlist.offer-expiry' and key = ?`, [
    offerId,
  ]);
  await eventually(async () => (await catalog.sql('select state from catalog.waitlist_offer where id = ?', [offerId]))[0]?.state === 'EXPIRED');
};

describe('a sold-out limited run', () => {
  it('holds a cancelled unit for the oldest waitlist entry, lets only that customer take it, then passes an expired offer on and finally returns it to everyone', async () => {
    const [first, second, buyer, subscriber, stranger] = await Promise.all([
      catalog.newCustomer(),
      catalog.newCustomer(),
      catalog.newCustomer(),
      catalog.newCustomer(),
      catalog.newCustomer(),
    ]);
    const { id } = await limitedRun(2);
    expect((await as(first).join(id)).errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'AVAILABLE_NOW' });
    expect((await as(subscriber).notifyMe(id)).errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'AVAILABLE_NOW' });

    const bought = await order(buyer, id, 2);
    expect(bought.outcome).toBe('reserved');
    await eventually(async () => (await product(id)).status === 'PREORDER_CLOSED');
    expect((await product(id)).preorderCampaign).toEqual({ state: 'CLOSED', closeReason: 'SOLD_OUT' });

    // First come, first served; asking twice is the same entry.
    const firstEntry = (await as(first).join(id)).data!.joinWaitlist;
    expect(firstEntry).toMatchObject({ kind: 'WAITLIST', state: 'WAITING', quantity: 1, position: 1 });
    expect((await as(first).join(id)).data!.joinWaitlist.id).toBe(firstEntry.id);
    expect((await as(second).join(id)).data!.joinWaitlist.position).toBe(2);
    const alert = (await as(subscriber).notifyMe(id)).data!.notifyMe;
    expect(alert).toMatchObject({ kind: 'NOTIFY', state: 'WAITING' });
    expect((await product(id)).waitlistLength).toBe(2);

    // The buyer cancels: both units are held, one each, oldest first; the window reopens for them only.
    await cancel(bought.orderId);
    const offered = await eventually(() => eventsOf(id, 'waitlist-offered').length === 2 && eventsOf(id, 'waitlist-offered'));
    expect(offered.map((e) => [e.data.customerId, e.data.quantity])).toEqual([
      [first.id, 1],
      [second.id, 1],
    ]);
    const expiresAt = new Date(offered[0]!.data.expiresAt).getTime() - new Date(offered[0]!.data.offeredAt).getTime();
    expect(expiresAt).toBe(48 * 3_600_000);
    expect(await pool(id)).toEqual({ capacity: 2, reserved: 2 });
    expect(await product(id)).toMatchObject({ status: 'PREORDER', availableQuantity: 0, preorderCampaign: { state: 'OPEN' } });
    expect((await as(first).mine(id))[0]).toMatchObject({ state: 'OFFERED', position: null, offer: { quantity: 1, expiresAt: offered[0]!.data.expiresAt } });
    expect(eventsOf(id, 'availability-alert')).toEqual([]);

    // Someone else cannot take a held unit; the offered customer can.
    expect((await order(stranger, id)).outcome).toBe('rejected');
    expect((await order(first, id)).outcome).toBe('reserved');
    await eventually(() => eventsOf(id, 'waitlist-offer-ended').length === 1);
    expect(eventsOf(id, 'waitlist-offer-ended')[0]!.data).toMatchObject({ customerId: first.id, outcome: 'TAKEN' });
    // The second offer still waits, so the window stays open for it.
    expect((await product(id)).preorderCampaign?.state).toBe('OPEN');

    // The second customer lets the offer expire: nobody else waits, so the unit goes back to everyone and the subscriber hears of it.
    await expireOffer(offered[1]!.data.offerId);
    await eventually(() => eventsOf(id, 'availability-alert').length === 1);
    expect(eventsOf(id, 'availability-alert')[0]!.data).toMatchObject({ customerId: subscriber.id, productId: id, reason: 'UNITS_RETURNED' });
    expect((await as(second).mine(id))[0]!.state).toBe('LAPSED');
    expect((await as(subscriber).mine(id))[0]!.state).toBe('NOTIFIED');
    expect(await product(id)).toMatchObject({ status: 'PREORDER', availableQuantity: 1, waitlistLength: 0 });
    expect((await order(stranger, id)).outcome).toBe('reserved');
    await eventually(async () => (await product(id)).preorderCampaign?.closeReason === 'SOLD_OUT');
    // The ledger still explains the counters: holds are RESERVED/RELEASED movements like any other.
    const [ledger] = await catalog.sql<{ n: string }>(
      `select coalesce(sum(quantity), 0) as n from catalog.stock_movement where product_id = ? and warehouse_id is null and kind in ('RESERVED', 'RELEASED', 'SHIPPED')`,
      [id],
    );
    expect(Number(ledger!.n)).toBe((await pool(id))!.reserved);
  });

  it('a withdrawn offer passes to the next entry at once; staff set the offer duration', async () => {
    const [holder, next, buyer] = await Promise.all([catalog.newCustomer(), catalog.newCustomer(), catalog.newCustomer()]);
    expect((await gql(catalog.url, settings, { hours: 0 }, catalog.admin.headers)).errors?.[0]?.extensions?.problems).toMatchObject([
      { field: 'waitlistOfferHours', reason: 'OUT_OF_RANGE' },
    ]);
    expect((await gql(catalog.url, settings, { hours: 6 }, catalog.customer.headers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(catalog.url, settings, { hours: 6 }, catalog.admin.headers)).data!.setWaitlistOfferHours.waitlistOfferHours).toBe(6);

    const { id } = await limitedRun(1);
    const bought = await order(buyer, id);
    await eventually(async () => (await product(id)).status === 'PREORDER_CLOSED');
    const held = (await as(holder).join(id)).data!.joinWaitlist;
    await as(next).join(id);
    await cancel(bought.orderId);
    const [offer] = await eventually(() => eventsOf(id, 'waitlist-offered').length === 1 && eventsOf(id, 'waitlist-offered'));
    expect(new Date(offer!.data.expiresAt).getTime() - new Date(offer!.data.offeredAt).getTime()).toBe(6 * 3_600_000);

    expect((await as(next).withdraw(held.id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await as(holder).withdraw(held.id)).data!.withdrawProductInterest.state).toBe('WITHDRAWN');
    await eventually(() => eventsOf(id, 'waitlist-offered').length === 2);
    expect(eventsOf(id, 'waitlist-offered')[1]!.data.customerId).toBe(next.id);
    expect(eventsOf(id, 'waitlist-offer-ended').map((e) => e.data.outcome)).toEqual(['WITHDRAWN']);
    expect(await pool(id)).toEqual({ capacity: 1, reserved: 1 });
    await gql(catalog.url, settings, { hours: 48 }, catalog.admin.headers);
  });
});

describe('notify me', () => {
  it('alerts each subscriber once when the window opens, and refuses bad input without writing anything', async () => {
    const [a, b] = await Promise.all([catalog.newCustomer(), catalog.newCustomer()]);
    const { id } = await createProduct(catalog, 0, 5000, { status: 'ANNOUNCED', stock: null, warehouseId: null });
    expect((await as(a).notifyMe(id)).data!.notifyMe.state).toBe('WAITING');
    await as(b).notifyMe(id);

    const count = async () => Number((await catalog.sql<{ n: string }>('select count(*) as n from catalog.product_interest'))[0]!.n);
    const before = await count();
    expect((await as(a).notifyMe('not-a-uuid')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await as(a).notifyMe(randomUUID())).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(catalog.url, notifyMe, { id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await as(a).join(id)).errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'NOT_SOLD_OUT' });
    expect(await count()).toBe(before);

    const opened = await gql(
      catalog.url,
      graphql(`
        mutation WaitlistOpen($id: ID!) {
          openPreorderCampaign(productId: $id, input: {}) {
            state
          }
        }
      `),
      { id },
      catalog.admin.headers,
    );
    expect(opened.data?.openPreorderCampaign.state).toBe('OPEN');
    await eventually(() => eventsOf(id, 'availability-alert').length === 2);
    expect(
      eventsOf(id, 'availability-alert')
        .map((e) => [e.data.customerId, e.data.reason])
        .sort(),
    ).toEqual(
      [
        [a.id, 'PREORDER_OPENED'],
        [b.id, 'PREORDER_OPENED'],
      ].sort(),
    );
    expect((await as(a).mine(id))[0]!.state).toBe('NOTIFIED');
    // Spent: asking again while it is open is refused.
    expect((await as(a).notifyMe(id)).errors?.[0]?.extensions?.rule).toBe('AVAILABLE_NOW');
  });
});
