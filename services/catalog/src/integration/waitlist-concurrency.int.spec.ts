import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPlacedV1, type EventData, type EventEnvelope } from '@vitrine/contracts';
import { gql } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { reserveStockForOrder } from '../use-cases/reserve-stock.js';
import { releaseReservation } from '../use-cases/settle-reservation.js';
import { bootCatalog, createProduct, type CatalogHarness } from './harness.js';

// Reservations truly in parallel (the use case called concurrently, each in
// its own transaction, as several catalog consumers would) against units
// held for a waitlist offer: the product lock decides them one at a time, the
// offered customer always gets the held unit, and nobody oversells.
let catalog: CatalogHarness;

beforeAll(async () => {
  catalog = await bootCatalog('waitlist_concurrency');
});
afterAll(async () => {
  await catalog?.stop();
});

const placed = (customerId: string, productId: string, quantity: number): EventEnvelope<EventData<typeof orderPlacedV1>> => {
  const orderId = randomUUID();
  return {
    id: randomUUID(),
    type: orderPlacedV1.type,
    source: 'orders',
    time: new Date().toISOString(),
    subject: orderId,
    version: 1,
    data: { orderId, customerId, lines: [{ productId, quantity }] },
  };
};
const inTransaction = (work: (tx: any) => Promise<void>) => catalog.service.orm.em.fork().transactional(work);
const reservedBy = async (orderIds: string[]) =>
  (
    await catalog.sql<{ order_id: string }>(`select distinct order_id from catalog.stock_reservation where state = 'RESERVED' and order_id in (?)`, [orderIds])
  ).map((r) => r.order_id);

describe('a waitlist hold under parallel orders', () => {
  it('twelve orders at once for a run with one held unit and two free: the offered customer gets theirs, two others get the rest, nobody oversells', async () => {
    const offered = await catalog.newCustomer();
    const { id } = await createProduct(catalog, 0, 5000, { status: 'PREORDER', limitedQuantity: 3, stock: null, warehouseId: null });
    const first = placed(randomUUID(), id, 3);
    await inTransaction((tx) => reserveStockForOrder(tx, first));

    const joined = await gql(
      catalog.url,
      graphql(`
        mutation ConcurrencyJoin($id: ID!) {
          joinWaitlist(productId: $id) {
            state
          }
        }
      `),
      { id },
      offered.headers,
    );
    expect(joined.data?.joinWaitlist.state).toBe('WAITING');
    await inTransaction((tx) => releaseReservation(tx, first.data.orderId, 'CANCELLED'));
    expect(await catalog.sql('select customer_id, quantity, state from catalog.waitlist_offer where product_id = ?', [id])).toEqual([
      { customer_id: offered.id, quantity: 1, state: 'OPEN' },
    ]);

    const strangers = Array.from({ length: 11 }, () => placed(randomUUID(), id, 1));
    const mine = placed(offered.id, id, 1);
    // The offered customer's order is sent last, behind everyone else's.
    const outcomes = await Promise.allSettled([...strangers, mine].map((event) => inTransaction((tx) => reserveStockForOrder(tx, event))));
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);

    const won = await reservedBy([...strangers, mine].map((e) => e.data.orderId));
    expect(won).toContain(mine.data.orderId);
    expect(won).toHaveLength(3);
    expect(await catalog.sql('select capacity, reserved from catalog.preorder_allocation where product_id = ?', [id])).toEqual([{ capacity: 3, reserved: 3 }]);
    expect(await catalog.sql('select state from catalog.waitlist_offer where product_id = ?', [id])).toEqual([{ state: 'TAKEN' }]);
    const [ledger] = await catalog.sql<{ n: string }>(
      `select coalesce(sum(quantity), 0) as n from catalog.stock_movement where product_id = ? and warehouse_id is null and kind in ('RESERVED', 'RELEASED')`,
      [id],
    );
    expect(Number(ledger!.n)).toBe(3);
  });
});
