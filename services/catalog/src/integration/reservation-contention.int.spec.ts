import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventData, EventEnvelope, orderPlacedV1 } from '@vitrine/contracts';
import { reserveStockForOrder } from '../use-cases/reserve-stock.js';
import { bootCatalog, createProduct, stockOf, type CatalogHarness } from './harness.js';

/**
 * Reservations truly in parallel at catalog level (issue #17, "tests weaker
 * than they look"): the use case the inbox runs for OrderPlaced, called from
 * many transactions at once, rather than one Kafka consumer taking one
 * message at a time. To show what the product row lock does, the same run is
 * repeated with the lock taken away (a plain read instead of FOR UPDATE) and
 * every transaction made to read before any writes, the interleaving a loaded
 * server produces by chance.
 */
const race = vi.hoisted(() => ({ withoutLock: false, arrived: 0, expected: 0, open: () => {}, opened: Promise.resolve() }));

vi.mock('../use-cases/stock-counters.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../use-cases/stock-counters.js')>();
  return {
    ...original,
    lockProducts: async (em: EntityManager, productIds: readonly string[]) => {
      if (!race.withoutLock) return original.lockProducts(em, productIds);
      const rows = await em.execute<{ id: string; status: string }[]>(`select id, status from catalog.product where id in (?) order by id`, [
        [...new Set(productIds)].sort(),
      ]);
      return new Map(rows.map((r) => [r.id, r.status])) as Awaited<ReturnType<typeof original.lockProducts>>;
    },
    readProductStock: async (...args: Parameters<typeof original.readProductStock>) => {
      const stock = await original.readProductStock(...args);
      if (race.withoutLock && ++race.arrived === race.expected) race.open();
      if (race.withoutLock) await race.opened;
      return stock;
    },
  };
});

let catalog: CatalogHarness;

beforeAll(async () => {
  catalog = await bootCatalog('catalog-reservation-contention');
});
afterAll(async () => {
  race.withoutLock = false;
  await catalog?.stop();
});

type Placed = EventEnvelope<EventData<typeof orderPlacedV1>>;
const placed = (productId: string): Placed => ({ data: { orderId: randomUUID(), lines: [{ productId, quantity: 1 }] } }) as Placed;

/** `orders` OrderPlaced handled at once, each in its own transaction on its own connection, as the inbox would. */
function reserveInParallel(productId: string, orders: number) {
  const em = catalog.service.orm.em;
  return Promise.allSettled(Array.from({ length: orders }, () => em.fork().transactional((tx) => reserveStockForOrder(tx, placed(productId)))));
}
const reservations = async (productId: string) =>
  Number((await catalog.sql<{ n: string }>('select count(*) as n from catalog.stock_reservation where product_id = ?', [productId]))[0]!.n);

describe('reservations under real contention', () => {
  it('with the row lock, every order is decided at once: exactly the stock is reserved, the rest rejected, none fails', async () => {
    const product = await createProduct(catalog, 3);
    const results = await reserveInParallel(product.id, 8);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await reservations(product.id)).toBe(3);
    expect(await stockOf(catalog, product.id)).toBe(0);
  });

  it('without it, every order reads the same stock and decides to reserve: only the database constraint stops the oversell, as failures', async () => {
    const product = await createProduct(catalog, 3);
    race.withoutLock = true;
    race.arrived = 0;
    race.expected = 4;
    race.opened = new Promise<void>((resolve) => (race.open = resolve));
    try {
      const results = await reserveInParallel(product.id, 4);
      const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      // All four decided to reserve a unit of three; the fourth write broke warehouse_stock_reserved_within_on_hand.
      expect(failures).toHaveLength(1);
      expect(String(failures[0]!.reason)).toMatch(/warehouse_stock_reserved_within_on_hand/);
    } finally {
      race.withoutLock = false;
    }
    expect(await reservations(product.id)).toBe(3);
  });
});
