import { isOrderableStatus } from '@vitrine/contracts';
import type { ProductStatus } from './product-status.js';

export interface RequestedLine {
  productId: string;
  quantity: number;
}

export interface ShortLine {
  productId: string;
  requested: number;
  available: number;
}

/** One warehouse's counters for a product, with what decides the order it is drawn from. */
export interface WarehouseLevel {
  warehouseId: string;
  code: string;
  heldByFactory: boolean;
  allocationPriority: number;
  onHand: number;
  reserved: number;
}

/** What a product can be reserved from, as read under its row lock. */
export interface ProductStock {
  status: ProductStatus;
  /** The preorder pool: what preorders may hold (capacity, null: open-ended) and hold; null: no pool row (open-ended). */
  pool: PoolCounters | null;
  warehouses: readonly WarehouseLevel[];
}

/** A preorder pool's counters: `capacity` is the limited quantity less what has arrived (null: open-ended); preorders never hold more. */
export interface PoolCounters {
  capacity: number | null;
  reserved: number;
}

/** Units taken from one source: a warehouse, or the preorder pool (`warehouseId` null). */
export interface Allocation {
  productId: string;
  warehouseId: string | null;
  quantity: number;
}

export type RejectReason = 'INSUFFICIENT_STOCK' | 'UNKNOWN_PRODUCT' | 'PRODUCT_NOT_ORDERABLE';

export type ReservationDecision =
  { kind: 'reserve'; lines: RequestedLine[]; allocations: Allocation[] } | { kind: 'reject'; reason: RejectReason; shortLines: ShortLine[] };

/**
 * Where a product's units come from follows its status when the order is
 * decided: a PREORDER is served from the preorder pool (units not made yet);
 * IN_STOCK and RELEASED from warehouses, our own ones before the factory's;
 * CHINA_STOCK only from factory-held warehouses, because that status tells
 * the customer they buy factory stock (no after-sales) and a unit from France
 * would not match what they were told. Within each group, lower
 * allocationPriority first, then code, so the choice is deterministic.
 */
export function warehousesFor(status: ProductStatus, warehouses: readonly WarehouseLevel[]): WarehouseLevel[] {
  const eligible = status === 'CHINA_STOCK' ? warehouses.filter((w) => w.heldByFactory) : [...warehouses];
  return eligible.sort(
    (x, y) =>
      Number(x.heldByFactory) - Number(y.heldByFactory) || x.allocationPriority - y.allocationPriority || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0),
  );
}

/** Units that could be reserved now; null for an open-ended preorder; 0 when the status takes no orders. */
export function availableQuantity(stock: ProductStock): number | null {
  if (!isOrderableStatus(stock.status)) return 0;
  if (stock.status === 'PREORDER') return stock.pool?.capacity == null ? null : stock.pool.capacity - stock.pool.reserved;
  return warehousesFor(stock.status, stock.warehouses).reduce((sum, w) => sum + (w.onHand - w.reserved), 0);
}

/**
 * All or nothing: an order is served only if every line can be, so a
 * customer never receives half an order they did not ask for. Lines for the
 * same product are added up first; a line may be split across warehouses.
 */
export function decideReservation(requested: RequestedLine[], stock: ReadonlyMap<string, ProductStock>): ReservationDecision {
  const totals = new Map<string, number>();
  for (const line of requested) totals.set(line.productId, (totals.get(line.productId) ?? 0) + line.quantity);
  const lines = [...totals].map(([productId, quantity]) => ({ productId, quantity }));

  const unknown = lines.filter((l) => !stock.has(l.productId));
  if (unknown.length > 0)
    return reject(
      'UNKNOWN_PRODUCT',
      unknown.map((l) => ({ productId: l.productId, requested: l.quantity, available: 0 })),
    );
  const closed = lines.filter((l) => !isOrderableStatus(stock.get(l.productId)!.status));
  if (closed.length > 0) {
    const shortLines = closed.map((l) => ({ productId: l.productId, requested: l.quantity, available: 0 }));
    // A run that sold out (its window closed on the last unit, or the product is SOLD_OUT) is short of stock, which is what the customer should hear.
    return reject(closed.every((l) => soldOut(stock.get(l.productId)!)) ? 'INSUFFICIENT_STOCK' : 'PRODUCT_NOT_ORDERABLE', shortLines);
  }

  const short = lines
    .map((l) => ({ productId: l.productId, requested: l.quantity, available: availableQuantity(stock.get(l.productId)!) }))
    .filter((l): l is ShortLine => l.available !== null && l.requested > l.available);
  if (short.length > 0) return reject('INSUFFICIENT_STOCK', short);

  return { kind: 'reserve', lines, allocations: lines.flatMap((l) => allocate(l, stock.get(l.productId)!)) };
}

/**
 * The stock as the ordering customer may draw on it: units held for them by a
 * waitlist offer (counted as reserved, so nobody else can take them) are
 * theirs to reserve again. Other customers see the held units as taken.
 */
export function withOwnHolds(stock: ReadonlyMap<string, ProductStock>, heldForCustomer: ReadonlyMap<string, number>): Map<string, ProductStock> {
  const seen = new Map(stock);
  for (const [productId, held] of heldForCustomer) {
    const product = seen.get(productId);
    if (!product?.pool || held <= 0) continue;
    seen.set(productId, { ...product, pool: { ...product.pool, reserved: Math.max(product.pool.reserved - held, 0) } });
  }
  return seen;
}

function soldOut(stock: ProductStock): boolean {
  return stock.status === 'SOLD_OUT' || isRunSoldOut(stock.pool);
}

/** A limited run whose every unit is held by customers: nothing is left to preorder. An open-ended pool (no row, or no capacity) never sells out. */
export function isRunSoldOut(pool: PoolCounters | null): boolean {
  return pool !== null && pool.capacity !== null && pool.reserved >= pool.capacity;
}

function allocate(line: RequestedLine, stock: ProductStock): Allocation[] {
  if (stock.status === 'PREORDER') return [{ productId: line.productId, warehouseId: null, quantity: line.quantity }];
  const allocations: Allocation[] = [];
  let left = line.quantity;
  for (const w of warehousesFor(stock.status, stock.warehouses)) {
    const take = Math.min(left, w.onHand - w.reserved);
    if (take <= 0) continue;
    allocations.push({ productId: line.productId, warehouseId: w.warehouseId, quantity: take });
    left -= take;
    if (left === 0) break;
  }
  return allocations;
}

const reject = (reason: RejectReason, shortLines: ShortLine[]): ReservationDecision => ({ kind: 'reject', reason, shortLines });

/**
 * The stock once `allocations` are reserved from it (a copy; `stock` is left as it was): what the next order in a
 * batch decides on, as it would read it after this one's reservation committed. A pool with no row becomes an
 * open-ended one holding the units.
 */
export function afterReservation(stock: ReadonlyMap<string, ProductStock>, allocations: readonly Allocation[]): Map<string, ProductStock> {
  const next = new Map(stock);
  for (const a of allocations) {
    const product = next.get(a.productId);
    if (!product) throw new Error(`allocation for product ${a.productId}, which has no stock read`);
    if (a.warehouseId === null) {
      const pool = product.pool ?? { capacity: null, reserved: 0 };
      next.set(a.productId, { ...product, pool: { ...pool, reserved: pool.reserved + a.quantity } });
    } else {
      if (!product.warehouses.some((w) => w.warehouseId === a.warehouseId))
        throw new Error(`allocation from warehouse ${a.warehouseId}, not among the product's`);
      const warehouses = product.warehouses.map((w) => (w.warehouseId === a.warehouseId ? { ...w, reserved: w.reserved + a.quantity } : w));
      next.set(a.productId, { ...product, warehouses });
    }
  }
  return next;
}

/** Products whose limited run these allocations leave with every unit held: their window closes (SOLD_OUT). */
export function runsSoldOutBy(stock: ReadonlyMap<string, ProductStock>, allocations: readonly Allocation[]): string[] {
  const after = afterReservation(stock, allocations);
  const fromPools = new Set(allocations.filter((a) => a.warehouseId === null).map((a) => a.productId));
  return [...fromPools].filter((id) => isRunSoldOut(after.get(id)!.pool));
}
