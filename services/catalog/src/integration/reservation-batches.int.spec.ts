import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPlacedV1, orderStatusChangedV1, stockRejectedV1, stockReleasedV1, stockReservedV1, type EventDefinition } from '@vitrine/contracts';
import { eventually, type PublishedEventInput } from '@vitrine/testing';
import { reserveStockForOrders, type OrderStockEvent } from '../use-cases/reserve-stock-for-orders.js';
import { bootCatalog, createProduct, stockOf, type CatalogHarness } from './harness.js';

// A drop day's OrderPlaced arrive in bursts: catalog reserves a batch at a time (reserveStockForOrders), its
// products locked and read once and its reservations written together. This proves the effects are those of one
// order at a time, in delivery order: the last units go once, a cancellation in the middle of the burst frees its
// unit for a later order, an order that sells a limited run out closes its window, an order short on one line gets
// nothing, each order has its one answer, and counters agree with the ledger and the reservations.

let catalog: CatalogHarness;

beforeAll(async () => {
  catalog = await bootCatalog('catalog-reservation-batches');
});
afterAll(async () => {
  await catalog?.stop();
});

// Every event of the burst under one key: one partition, so one delivery order to compare with (orders keys them by
// order, and only one order's events are ordered).
const burstKey = randomUUID();
const placed = (orderId: string, lines: { productId: string; quantity: number }[]): PublishedEventInput<EventDefinition> => ({
  source: 'orders',
  definition: orderPlacedV1,
  subject: burstKey,
  data: { orderId, customerId: catalog.customer.id, lines },
});
const moved = (orderId: string, from: string, to: string): PublishedEventInput<EventDefinition> => ({
  source: 'orders',
  definition: orderStatusChangedV1,
  subject: burstKey,
  data: { orderId, from, to },
});
const limitedRun = (units: number) => createProduct(catalog, 0, 5000, { status: 'PREORDER', limitedQuantity: units, stock: null, warehouseId: null });
const openEnded = () => createProduct(catalog, 0, 5000, { status: 'PREORDER', stock: null, warehouseId: null });

/** Per product: the counters (pool and warehouses), what RESERVED reservations hold, and the ledger's sum of reserving movements. */
async function books(productId: string) {
  const [row] = await catalog.sql<{ counters: string; held: string; ledger: string }>(
    `select (select coalesce(sum(reserved), 0) from catalog.warehouse_stock where product_id = ?)
              + (select coalesce(sum(reserved), 0) from catalog.preorder_allocation where product_id = ?) as counters,
            (select coalesce(sum(quantity), 0) from catalog.stock_reservation where product_id = ? and state = 'RESERVED') as held,
            (select coalesce(sum(quantity), 0) from catalog.stock_movement where product_id = ? and kind in ('RESERVED', 'RELEASED')) as ledger`,
    [productId, productId, productId, productId],
  );
  return { counters: Number(row!.counters), held: Number(row!.held), ledger: Number(row!.ledger) };
}

describe('a burst of orders placed', () => {
  it('is reserved in batches with the effects of one order at a time', async () => {
    const figure = await createProduct(catalog, 3);
    const run = await limitedRun(4);
    const open = await openEnded();
    const ids = (n: number) => Array.from({ length: n }, () => randomUUID());
    const [f1, f2, f3, f4, f5] = ids(5) as [string, string, string, string, string];
    const runOrders = ids(5);
    const openOrders = ids(3);
    const [unknown, mixed] = ids(2) as [string, string];

    const burst = [
      placed(f1, [{ productId: figure.id, quantity: 1 }]),
      placed(f2, [{ productId: figure.id, quantity: 1 }]),
      ...runOrders.map((id) => placed(id, [{ productId: run.id, quantity: 1 }])),
      placed(f3, [{ productId: figure.id, quantity: 1 }]),
      placed(f4, [{ productId: figure.id, quantity: 1 }]),
      // The first order cancelled: its unit goes back, and the next order for the figure gets it.
      moved(f1, 'PENDING', 'CANCELLED'),
      placed(f5, [{ productId: figure.id, quantity: 1 }]),
      ...openOrders.map((id) => placed(id, [{ productId: open.id, quantity: 2 }])),
      placed(unknown, [{ productId: randomUUID(), quantity: 1 }]),
      // Short on its first line (the figure is gone by now): nothing of it is reserved, not even the open-ended preorder.
      placed(mixed, [
        { productId: figure.id, quantity: 1 },
        { productId: open.id, quantity: 1 },
      ]),
      moved(f2, 'PENDING', 'AWAITING_PAYMENT'),
    ];
    const published = await catalog.publishAll(burst);
    await eventually(
      async () =>
        (await catalog.sql('select 1 from catalog.inbox_processed_event where event_id in (?)', [published.map((e) => e.id)])).length === burst.length,
      { timeoutMs: 30_000 },
    );

    const events = await catalog.sql<{ key: string; type: string; envelope: { data: Record<string, any> } }>(
      `select key, type, envelope from catalog.outbox_message where type in (?) order by seq`,
      [[stockReservedV1.type, stockRejectedV1.type, stockReleasedV1.type]],
    );
    const answers = (orderId: string) =>
      events.filter((e) => e.key === orderId).map((e) => (e.type === stockRejectedV1.type ? `rejected:${e.envelope.data.reason}` : e.type));
    const reserved = stockReservedV1.type;
    expect([f1, f2, f3, f4, f5].map(answers)).toEqual([[reserved, stockReleasedV1.type], [reserved], [reserved], ['rejected:INSUFFICIENT_STOCK'], [reserved]]);
    expect(runOrders.map(answers)).toEqual([[reserved], [reserved], [reserved], [reserved], ['rejected:INSUFFICIENT_STOCK']]);
    expect(openOrders.map(answers)).toEqual([[reserved], [reserved], [reserved]]);
    expect(answers(unknown)).toEqual(['rejected:UNKNOWN_PRODUCT']);
    expect(answers(mixed)).toEqual(['rejected:INSUFFICIENT_STOCK']);
    expect(events.find((e) => e.key === f3)!.envelope.data).toEqual({
      orderId: f3,
      lines: [{ productId: figure.id, quantity: 1 }],
      allocations: [{ productId: figure.id, warehouseId: catalog.warehouses.france, quantity: 1 }],
    });
    expect(events.find((e) => e.key === mixed)!.envelope.data.shortLines).toEqual([{ productId: figure.id, requested: 1, available: 0 }]);

    // The books: counters, reservations and ledger agree for each product.
    expect(await stockOf(catalog, figure.id)).toBe(0);
    expect(await books(figure.id)).toEqual({ counters: 3, held: 3, ledger: 3 });
    expect(await books(run.id)).toEqual({ counters: 4, held: 4, ledger: 4 });
    expect(await books(open.id)).toEqual({ counters: 6, held: 6, ledger: 6 });
    // The order that took the run's last unit closed its window, as one order alone would.
    const [campaign] = await catalog.sql<{ state: string; close_reason: string }>(
      'select state, close_reason from catalog.preorder_campaign where product_id = ?',
      [run.id],
    );
    expect(campaign).toEqual({ state: 'CLOSED', close_reason: 'SOLD_OUT' });
    // And it took fewer transactions than orders (the burst was read in batches).
    const written = await catalog.sql<{ xmin: string }>(`select distinct xmin::text as xmin from catalog.stock_reservation where order_id in (?)`, [
      [f2, f3, f5, ...runOrders, ...openOrders],
    ]);
    expect(written.length).toBeLessThan(10);
  });

  it('batches racing on one product in separate transactions reserve exactly its stock', async () => {
    const product = await createProduct(catalog, 25);
    const em = catalog.service.orm.em;
    const batch = (n: number): OrderStockEvent[] =>
      Array.from({ length: n }, () => {
        const orderId = randomUUID();
        return {
          kind: 'placed',
          event: { data: { orderId, customerId: catalog.customer.id, lines: [{ productId: product.id, quantity: 1 }] } },
        } as OrderStockEvent;
      });
    const runs = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        em.fork().transactional(async (tx) => {
          const items = batch(10);
          const loaded = await reserveStockForOrders.load(items, tx);
          for (const item of items) await reserveStockForOrders.apply(item, loaded, tx);
          await reserveStockForOrders.save!(loaded, tx);
        }),
      ),
    );
    expect(runs.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await stockOf(catalog, product.id)).toBe(0);
    expect(await books(product.id)).toEqual({ counters: 25, held: 25, ledger: 25 });
  });
});
