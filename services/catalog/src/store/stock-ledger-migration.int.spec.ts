import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ormOptions } from '@vitrine/platform';
import { createTestDatabase } from '@vitrine/testing';
import { catalogEntities } from './entities.js';
import { catalogMigrations } from './migrations/index.js';

// Stock counted on products before warehouses and the ledger existed must
// survive the migration that replaces it: in-stock units (and what orders
// hold of them) land in a LEGACY warehouse, a preorder's units become its
// pool, and the ledger reconciles with the counters from the first day.
let orm: MikroORM;
const sql = <T = any>(query: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(query, params);
const ids = { inStock: randomUUID(), preorder: randomUUID(), empty: randomUUID(), orderA: randomUUID(), orderB: randomUUID() };

beforeAll(async () => {
  const url = await createTestDatabase('stock_ledger_migration');
  orm = await MikroORM.init(ormOptions({ url, schema: 'catalog', entities: catalogEntities, migrations: catalogMigrations }));
  await sql('create schema if not exists catalog');
  await orm.migrator.up({ to: 'Migration20261125132940_product_details' });
  const product = (id: string, sku: string, status: string, stock: number) =>
    sql(
      `insert into catalog.product (id, sku, name, price_amount, price_currency, stock, status, created_at, updated_at) values (?, ?, ?, 1000, 'EUR', ?, ?, now(), now())`,
      [id, sku, sku, stock, status],
    );
  await product(ids.inStock, 'OLD-IN', 'IN_STOCK', 7);
  await product(ids.preorder, 'OLD-PRE', 'PREORDER', 5);
  await product(ids.empty, 'OLD-NONE', 'SOLD_OUT', 0);
  const reserve = (orderId: string, productId: string, quantity: number) =>
    sql(`insert into catalog.stock_reservation (order_id, product_id, quantity, reserved_at) values (?, ?, ?, now())`, [orderId, productId, quantity]);
  await reserve(ids.orderA, ids.inStock, 3);
  await reserve(ids.orderB, ids.preorder, 2);
  await orm.migrator.up();
});
afterAll(async () => {
  await orm?.close();
});

describe('the stock ledger migration', () => {
  it('carries in-stock units and their reservations into a LEGACY warehouse', async () => {
    const [legacy] = await sql<{ id: string }>(`select id from catalog.warehouse where code = 'LEGACY'`);
    expect(legacy).toBeDefined();
    expect(await sql(`select product_id, warehouse_id, on_hand, reserved from catalog.warehouse_stock`)).toEqual([
      { product_id: ids.inStock, warehouse_id: legacy!.id, on_hand: 10, reserved: 3 },
    ]);
    expect(await sql(`select warehouse_id, state from catalog.stock_reservation where order_id = ?`, [ids.orderA])).toEqual([
      { warehouse_id: legacy!.id, state: 'RESERVED' },
    ]);
  });

  it("turns a preorder's units into its pool, its reservations staying on the pool (the pool's limit_quantity, later renamed capacity, keeps its value)", async () => {
    expect(await sql(`select product_id, capacity, reserved from catalog.preorder_allocation`)).toEqual([
      { product_id: ids.preorder, capacity: 7, reserved: 2 },
    ]);
    expect(await sql(`select warehouse_id, state from catalog.stock_reservation where order_id = ?`, [ids.orderB])).toEqual([
      { warehouse_id: null, state: 'RESERVED' },
    ]);
  });

  it('writes ledger rows that reconcile with every counter', async () => {
    const ledger = await sql<{ product_id: string; warehouse_id: string | null; on_hand: number; reserved: number }>(`
      select product_id, warehouse_id,
             sum(case when kind in ('RECEIVED', 'SHIPPED', 'ADJUSTED') then quantity else 0 end)::int as on_hand,
             sum(case when kind in ('RESERVED', 'RELEASED', 'SHIPPED') then quantity else 0 end)::int as reserved
        from catalog.stock_movement group by product_id, warehouse_id order by product_id`);
    expect(ledger).toHaveLength(2);
    expect(ledger).toContainEqual({ product_id: ids.inStock, warehouse_id: expect.any(String), on_hand: 10, reserved: 3 });
    expect(ledger).toContainEqual({ product_id: ids.preorder, warehouse_id: null, on_hand: 0, reserved: 2 });
  });

  it('creates no LEGACY warehouse when there is nothing to carry', async () => {
    const url = await createTestDatabase('stock_ledger_migration_empty');
    const empty = await MikroORM.init(ormOptions({ url, schema: 'catalog', entities: catalogEntities, migrations: catalogMigrations }));
    try {
      await empty.em.getConnection().execute('create schema if not exists catalog');
      await empty.migrator.up();
      expect(await empty.em.fork().getConnection().execute(`select count(*)::int as n from catalog.warehouse`)).toEqual([{ n: 0 }]);
    } finally {
      await empty.close();
    }
  });
});
