import type { EntityManager, QueryResult } from '@mikro-orm/postgresql';
import type { ProductStatus, WarehouseReturnAddress } from '@vitrine/contracts';
import type { PoolCounters, ProductStock, WarehouseLevel } from '../domain/reservation.js';
import { counterEffect, type MovementKind } from '../domain/stock-ledger.js';
import { checkWarehouseInUse } from '../domain/warehouse-change.js';
import { BadUserInput, storeNow, toDate } from '@vitrine/platform';

/**
 * The one way stock counters change. Every writer locks the product rows
 * first (in id order, so two writers never deadlock), then reads and moves
 * counters: the product lock serialises everything that touches a product's
 * stock, and each counter change appends its ledger row in the same transaction.
 */
export async function lockProducts(em: EntityManager, productIds: readonly string[]): Promise<Map<string, ProductStatus>> {
  const ids = [...new Set(productIds)].sort();
  if (ids.length === 0) return new Map();
  const rows = await em.execute<{ id: string; status: ProductStatus }[]>(`select id, status from catalog.product where id in (?) order by id for update`, [
    ids,
  ]);
  return new Map(rows.map((r) => [r.id, r.status]));
}

/**
 * Warehouse and pool counters of the locked products (products without rows get empty stock). Read in a statement of
 * its own, after lockProducts: a statement that locked and read at once would read the counters as they were before
 * it waited for the lock, and the writer it waited for may have moved them.
 */
export async function readProductStock(em: EntityManager, statuses: ReadonlyMap<string, ProductStatus>): Promise<Map<string, ProductStock>> {
  const levels = await stockLevels(em, [...statuses.keys()]);
  return new Map([...statuses].map(([id, status]) => [id, { status, ...(levels.get(id) ?? noStockRows()) }]));
}

export interface PoolRow extends PoolCounters {
  /** Units moved from the pool onto arrived stock: part of the limited quantity, no longer in `capacity`. */
  arrived: number;
}

export interface StockLevels {
  /** Null: the product has no pool row (an open-ended preorder). */
  pool: PoolRow | null;
  /** Its warehouse rows, in the order in-stock sales draw from them. */
  warehouses: WarehouseLevelRow[];
}

/** A product without a pool or warehouse row: an open-ended preorder, or stock not received anywhere yet. */
export function noStockRows(): StockLevels {
  return { pool: null, warehouses: [] };
}

/**
 * Each product's pool and warehouse rows in one statement (a row per warehouse row, the pool's columns on each, one
 * row with no warehouse when it has none). Products that do not exist are absent from the map.
 */
export async function stockLevels(em: EntityManager, productIds: readonly string[]): Promise<Map<string, StockLevels>> {
  const levels = new Map<string, StockLevels>();
  if (productIds.length === 0) return levels;
  const rows = await em.execute<
    (Omit<WarehouseLevelColumns, 'warehouse_id'> & {
      has_pool: boolean;
      capacity: number | null;
      pool_reserved: number | null;
      arrived: number | null;
      warehouse_id: string | null;
    })[]
  >(
    `select p.id as product_id, a.product_id is not null as has_pool, a.capacity, a.reserved as pool_reserved, a.arrived, ${warehouseLevelSelect}
       from catalog.product p
       left join catalog.preorder_allocation a on a.product_id = p.id
       left join catalog.warehouse_stock s on s.product_id = p.id
       left join catalog.warehouse w on w.id = s.warehouse_id
      where p.id in (?)
      order by p.id, ${salesOrder}`,
    [[...productIds]],
  );
  for (const r of rows) {
    let product = levels.get(r.product_id);
    if (!product) {
      const pool = r.has_pool ? { capacity: r.capacity, reserved: r.pool_reserved ?? 0, arrived: r.arrived ?? 0 } : null;
      product = { pool, warehouses: [] };
      levels.set(r.product_id, product);
    }
    if (r.warehouse_id !== null) product.warehouses.push(warehouseLevelOf({ ...r, warehouse_id: r.warehouse_id }));
  }
  return levels;
}

export interface WarehouseLevelRow extends WarehouseLevel {
  productId: string;
  name: string;
  country: string;
  /** Null: in use. A retired warehouse held no unit when retired; its rows stay at zero. */
  retiredAt: Date | null;
  /** Where customers send items back to it; null: none given. */
  returnAddress: WarehouseReturnAddress | null;
}

/** Every warehouse row of these products, with the warehouse's facts (one statement). */
export async function warehouseLevels(em: EntityManager, productIds: readonly string[]): Promise<WarehouseLevelRow[]> {
  const rows = await em.execute<WarehouseLevelColumns[]>(
    `select s.product_id, ${warehouseLevelSelect}
       from catalog.warehouse_stock s join catalog.warehouse w on w.id = s.warehouse_id
      where s.product_id in (?) order by s.product_id, ${salesOrder}`,
    [[...productIds]],
  );
  return rows.map(warehouseLevelOf);
}

/** A warehouse row of a product (`s`: warehouse_stock, `w`: its warehouse), as both reads select it. */
const warehouseLevelSelect =
  's.warehouse_id, w.code, w.name, w.country, w.held_by_factory, w.allocation_priority, w.retired_at, w.return_address, s.on_hand, s.reserved';

/** The order in-stock sales draw from a product's warehouses: our own before the factory's, then by priority. */
const salesOrder = 'w.held_by_factory, w.allocation_priority, w.code';

/** A warehouse row of a product as both reads select it. */
interface WarehouseLevelColumns {
  product_id: string;
  warehouse_id: string;
  code: string;
  name: string;
  country: string;
  held_by_factory: boolean;
  allocation_priority: number;
  retired_at: string | null;
  return_address: WarehouseReturnAddress | null;
  on_hand: number;
  reserved: number;
}

function warehouseLevelOf(r: WarehouseLevelColumns): WarehouseLevelRow {
  return {
    productId: r.product_id,
    warehouseId: r.warehouse_id,
    code: r.code,
    name: r.name,
    country: r.country,
    heldByFactory: r.held_by_factory,
    allocationPriority: r.allocation_priority,
    retiredAt: toDate(r.retired_at),
    returnAddress: r.return_address,
    onHand: r.on_hand,
    reserved: r.reserved,
  };
}

export async function preorderPools(
  em: EntityManager,
  productIds: readonly string[],
): Promise<{ productId: string; capacity: number | null; reserved: number; arrived: number }[]> {
  const rows = await em.execute<{ product_id: string; capacity: number | null; reserved: number; arrived: number }[]>(
    `select product_id, capacity, reserved, arrived from catalog.preorder_allocation where product_id in (?)`,
    [[...productIds]],
  );
  return rows.map((r) => ({ productId: r.product_id, capacity: r.capacity, reserved: r.reserved, arrived: r.arrived }));
}

/**
 * Sets the pool's capacity (null: open-ended), creating the pool row if the
 * product has none. Callers refuse a capacity below what preorders hold first
 * (domain/stock-change.ts assertCapacityCoversReserved); the CHECK is the safety net.
 */
export async function storePoolCapacity(em: EntityManager, productId: string, capacity: number | null): Promise<void> {
  await em.execute(
    `insert into catalog.preorder_allocation (product_id, capacity, reserved) values (?, ?, 0)
     on conflict (product_id) do update set capacity = excluded.capacity`,
    [productId, capacity],
  );
}

/**
 * Preordered units moved onto arrived stock leave the pool's capacity and
 * count as arrived, so the limited quantity (capacity + arrived) stays and
 * the move never makes room for more preorders than the run.
 */
export async function recordArrivalOnPool(em: EntityManager, productId: string, moved: number): Promise<void> {
  if (moved === 0) return;
  await em.execute(`update catalog.preorder_allocation set capacity = capacity - ?, arrived = arrived + ? where product_id = ?`, [moved, moved, productId]);
}

export interface Movement {
  productId: string;
  /** Null: the preorder pool. */
  warehouseId: string | null;
  kind: MovementKind;
  /** Signed: its effect on the counters (see domain/stock-ledger.ts). */
  quantity: number;
  orderId?: string | null;
  reason?: string | null;
  actor?: string | null;
  /** TRANSFERRED only: the transfer both of its rows name. */
  transferId?: string | null;
}

/**
 * Applies one movement to its counters and appends it to the ledger. The
 * table CHECKs refuse a change that would oversell or go negative, failing
 * the whole transaction: callers decide first, this is the safety net.
 */
export async function applyMovement(em: EntityManager, movement: Movement, at = storeNow()): Promise<void> {
  const effect = counterEffect(movement.kind, movement.quantity);
  if (movement.warehouseId !== null && effect.onHand > 0) await assertWarehouseInUse(em, movement.warehouseId);
  // Update first, insert when there is no row yet: an INSERT ... ON CONFLICT would check the
  // proposed row (e.g. 0 on hand, 3 reserved) against the CHECKs before merging it.
  if (movement.warehouseId === null) {
    const updated = await em.execute<QueryResult>(
      `update catalog.preorder_allocation set reserved = reserved + ? where product_id = ?`,
      [effect.reserved, movement.productId],
      'run',
    );
    if (updated.affectedRows === 0) {
      await em.execute(`insert into catalog.preorder_allocation (product_id, capacity, reserved) values (?, null, ?)`, [movement.productId, effect.reserved]);
    }
  } else {
    const updated = await em.execute<QueryResult>(
      `update catalog.warehouse_stock set on_hand = on_hand + ?, reserved = reserved + ? where product_id = ? and warehouse_id = ?`,
      [effect.onHand, effect.reserved, movement.productId, movement.warehouseId],
      'run',
    );
    if (updated.affectedRows === 0) {
      await em.execute(`insert into catalog.warehouse_stock (product_id, warehouse_id, on_hand, reserved) values (?, ?, ?, ?)`, [
        movement.productId,
        movement.warehouseId,
        effect.onHand,
        effect.reserved,
      ]);
    }
  }
  await em.execute(
    `insert into catalog.stock_movement (product_id, warehouse_id, kind, quantity, order_id, reason, actor, transfer_id, at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      movement.productId,
      movement.warehouseId,
      movement.kind,
      movement.quantity,
      movement.orderId ?? null,
      movement.reason ?? null,
      movement.actor ?? null,
      movement.transferId ?? null,
      at,
    ],
  );
}

/**
 * Units enter only a warehouse in use. Callers check first (checkWarehouse, a
 * readable refusal); this shares the warehouse row's lock with retireWarehouse,
 * which locks it for update, so a receipt and a retirement never cross.
 */
async function assertWarehouseInUse(em: EntityManager, warehouseId: string): Promise<void> {
  const rows = await em.execute<{ code: string; retired_at: string | null }[]>(`select code, retired_at from catalog.warehouse where id = ? for share`, [
    warehouseId,
  ]);
  const problems = checkWarehouseInUse(rows[0] ? { code: rows[0].code, retiredAt: toDate(rows[0].retired_at) } : null);
  if (problems.length > 0) throw new BadUserInput('The warehouse takes no more units.', problems);
}
