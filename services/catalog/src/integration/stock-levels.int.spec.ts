import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createStockLoader } from '../schema/stock-loader.js';
import { stockLevels } from '../use-cases/stock-counters.js';
import { bootCatalog, createProduct, type CatalogHarness } from './harness.js';

// stockLevels reads each product's preorder pool and warehouse rows in one statement (a row per warehouse row, the
// pool's columns repeated): the listing's availableQuantity and the reservation's read under lock both stand on it.
let catalog: CatalogHarness;

beforeAll(async () => {
  catalog = await bootCatalog('stock_levels');
});
afterAll(() => catalog?.stop());

const read = (ids: string[]) => stockLevels(catalog.service.orm.em.fork(), ids);

describe('stockLevels', () => {
  it('gives a product its warehouse rows in the order sales draw from them, with the pool when it has one', async () => {
    const { id } = await createProduct(catalog, 4);
    await catalog.sql('insert into catalog.warehouse_stock (product_id, warehouse_id, on_hand, reserved) values (?, ?, 9, 2)', [
      id,
      catalog.warehouses.factory,
    ]);
    await catalog.sql('insert into catalog.preorder_allocation (product_id, capacity, reserved, arrived) values (?, 30, 7, 5)', [id]);

    const levels = (await read([id])).get(id);

    expect(levels?.pool).toEqual({ capacity: 30, reserved: 7, arrived: 5 });
    // Our own warehouse before the factory's (held_by_factory sorts false first).
    expect(levels?.warehouses.map((w) => [w.warehouseId, w.code, w.onHand, w.reserved, w.heldByFactory])).toEqual([
      [catalog.warehouses.france, 'E2E-FR', 4, 0, false],
      [catalog.warehouses.factory, 'E2E-CN', 9, 2, true],
    ]);
    expect(levels?.warehouses[0]).toMatchObject({ productId: id, name: 'Test warehouse France', country: 'FR', retiredAt: null, allocationPriority: 10 });
  });

  it('tells an open-ended pool (no capacity) from no pool at all, and a product with no warehouse row from one with rows', async () => {
    const open = await createProduct(catalog, 0);
    const none = await createProduct(catalog, 0);
    await catalog.sql('delete from catalog.warehouse_stock where product_id in (?, ?)', [open.id, none.id]);
    await catalog.sql('insert into catalog.preorder_allocation (product_id, capacity, reserved) values (?, null, 3)', [open.id]);

    const levels = await read([open.id, none.id]);

    expect(levels.get(open.id)).toEqual({ pool: { capacity: null, reserved: 3, arrived: 0 }, warehouses: [] });
    expect(levels.get(none.id)).toEqual({ pool: null, warehouses: [] });
  });

  it("gives a retired warehouse's row the time it was retired (a Date, as typed) and its return address", async () => {
    const { id } = await createProduct(catalog, 0);
    const retired = randomUUID();
    await catalog.sql(
      `insert into catalog.warehouse (id, code, name, country, held_by_factory, allocation_priority, created_at, retired_at, return_address)
       values (?, ?, 'Closed warehouse', 'DE', false, 5, now(), '2026-11-30T10:20:30.456Z', ?::jsonb)`,
      [retired, `OLD-${retired.slice(0, 8)}`, JSON.stringify({ name: 'Returns', line1: '1 Alte Str.', city: 'Berlin', postalCode: '10115', country: 'DE' })],
    );
    await catalog.sql('insert into catalog.warehouse_stock (product_id, warehouse_id, on_hand, reserved) values (?, ?, 0, 0)', [id, retired]);

    const row = (await read([id])).get(id)!.warehouses.find((w) => w.warehouseId === retired);

    expect(row?.retiredAt).toEqual(new Date('2026-11-30T10:20:30.456Z'));
    expect(row?.returnAddress).toMatchObject({ city: 'Berlin', country: 'DE' });
  });

  it('leaves out ids that name no product, and reads nothing for none', async () => {
    const { id } = await createProduct(catalog, 1);

    const levels = await read([id, randomUUID()]);

    expect([...levels.keys()]).toEqual([id]);
    expect((await read([])).size).toBe(0);
  });
});

describe("a request's stock loader", () => {
  it('reads a page at once, then answers its fields from what it read without a statement or a promise', async () => {
    const stocked = await createProduct(catalog, 3);
    const missing = randomUUID();
    const em = catalog.service.orm.em.fork();
    const execute = vi.spyOn(em, 'execute');
    const stock = createStockLoader(em);

    await stock.readAll([stocked.id, missing, stocked.id]);

    expect(execute).toHaveBeenCalledTimes(1);
    expect(stock.resolve(stocked.id, (levels) => levels.warehouses.map((w) => w.onHand))).toEqual([3]);
    expect(stock.resolve(missing, (levels) => levels)).toEqual({ pool: null, warehouses: [] });
    expect(execute).toHaveBeenCalledTimes(1);
  });
});
