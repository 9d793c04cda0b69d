import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type orderPlacedV1, type orderStatusChangedV1, type EventData, type EventEnvelope, type ProductStatus } from '@vitrine/contracts';
import { OutboxMessage, rowsOf, storeNow, writeRows, type OutboxRow, type SetUseCase } from '@vitrine/platform';
import { afterReservation, decideReservation, runsSoldOutBy, type Allocation, type ProductStock } from '../domain/reservation.js';
import { catalog } from '../identity.js';
import { StockMovement } from '../store/stock-movement.entity.js';
import { StockReservation } from '../store/stock-reservation.entity.js';
import { reserveStockForOrder, stockRejected, stockReserved } from './reserve-stock.js';
import { settleReservationOnStatus, settlesReservation } from './settle-reservation.js';
import { lockProducts, readProductStock } from './stock-counters.js';

/** An event of the orders topic catalog acts on, as the set takes it. */
export type OrderStockEvent =
  { kind: 'placed'; event: EventEnvelope<EventData<typeof orderPlacedV1>> } | { kind: 'status'; event: EventEnvelope<EventData<typeof orderStatusChangedV1>> };

/** A batch's products as locked and read, and what its plain reservations will write once every event is applied. */
interface Reserving {
  productIds: string[];
  customerIds: string[];
  stock: Map<string, ProductStock>;
  /** `customer:product` pairs with an open waitlist offer: such an order takes the offer, the one-event path. */
  offered: Set<string>;
  reservations: { orderId: string; allocations: Allocation[] }[];
  events: OutboxRow[];
}

/**
 * OrderPlaced and OrderStatusChanged as one set, so that a backlog of orders
 * (a drop day) is reserved a batch at a time: the batch's products locked
 * once (in id order, as every stock writer locks them) and their counters
 * read once; each order decided in delivery order on the counters as the
 * orders before it left them (`afterReservation`), exactly as if each had
 * committed alone; the counters, ledger rows, reservations and events
 * written in two statements at the end. What is not a plain reservation
 * (an order taking a waitlist offer, one that sells a run out and closes its
 * window, a release or a shipment) goes the one-event way
 * (`reserveStockForOrder`, `settleReservationOnStatus`) on the database as
 * the batch left it so far, and the batch reads its products again after.
 */
export const reserveStockForOrders: SetUseCase<OrderStockEvent, Reserving> = {
  async load(items, em) {
    const placed = items.flatMap((i) => (i.kind === 'placed' ? [i.event.data] : []));
    const productIds = [...new Set(placed.flatMap((o) => o.lines.map((l) => l.productId)))];
    const customerIds = [...new Set(placed.flatMap((o) => (o.customerId ? [o.customerId] : [])))];
    return { productIds, customerIds, ...(await readBatchStock(em, productIds, customerIds)), reservations: [], events: [] };
  },

  async apply(item, batch, em) {
    if (item.kind === 'status') {
      if (settlesReservation(item.event.data.to)) await oneByOne(em, batch, () => settleReservationOnStatus(em, item.event));
      return;
    }
    const { orderId, customerId, lines } = item.event.data;
    if (customerId && lines.some((l) => batch.offered.has(`${customerId}:${l.productId}`))) {
      return oneByOne(em, batch, () => reserveStockForOrder(em, item.event));
    }
    const decision = decideReservation(lines, batch.stock);
    if (decision.kind === 'reject') {
      batch.events.push(catalog.outboxRow(stockRejected(orderId, decision)));
      return;
    }
    if (runsSoldOutBy(batch.stock, decision.allocations).length > 0) return oneByOne(em, batch, () => reserveStockForOrder(em, item.event));
    batch.stock = afterReservation(batch.stock, decision.allocations);
    batch.reservations.push({ orderId, allocations: decision.allocations });
    batch.events.push(catalog.outboxRow(stockReserved(orderId, decision)));
  },

  save: (batch, em) => writeReservations(em, batch),
};

/** The one-event path for an item, on the database as the batch left it; then the batch reads its products again. */
async function oneByOne(em: EntityManager, batch: Reserving, run: () => Promise<void>): Promise<void> {
  await writeReservations(em, batch);
  await run();
  Object.assign(batch, await readBatchStock(em, batch.productIds, batch.customerIds));
}

/** The products locked and their counters read, and which of the batch's customers hold an open offer on which. */
async function readBatchStock(
  em: EntityManager,
  productIds: readonly string[],
  customerIds: readonly string[],
): Promise<{ stock: Map<string, ProductStock>; offered: Set<string> }> {
  const statuses: Map<string, ProductStatus> = await lockProducts(em, productIds);
  const stock = await readProductStock(em, statuses);
  const offered = new Set<string>();
  if (customerIds.length > 0 && statuses.size > 0) {
    const rows = await em.execute<{ customer_id: string; product_id: string }[]>(
      `select distinct customer_id, product_id from catalog.waitlist_offer where state = 'OPEN' and customer_id in (?) and product_id in (?)`,
      [customerIds, [...statuses.keys()]],
    );
    for (const r of rows) offered.add(`${r.customer_id}:${r.product_id}`);
  }
  return { stock, offered };
}

/**
 * The reservations decided so far: counters moved by what they took (pool rows created for open-ended preorders
 * that had none), then one RESERVED ledger row and one reservation row per allocation and the batch's events, in
 * one statement. Emptied after, so a later write adds only what came since.
 */
async function writeReservations(em: EntityManager, batch: Reserving): Promise<void> {
  const { reservations, events } = batch;
  batch.reservations = [];
  batch.events = [];
  const allocations = reservations.flatMap((r) => r.allocations.map((a) => ({ ...a, orderId: r.orderId })));
  const moved = (pool: boolean) => {
    const totals = new Map<string, { product_id: string; warehouse_id: string | null; quantity: number }>();
    for (const a of allocations.filter((x) => (x.warehouseId === null) === pool)) {
      const key = `${a.productId}:${a.warehouseId}`;
      const total = totals.get(key) ?? { product_id: a.productId, warehouse_id: a.warehouseId, quantity: 0 };
      total.quantity += a.quantity;
      totals.set(key, total);
    }
    return [...totals.values()];
  };
  const [pools, warehouses] = [moved(true), moved(false)];
  if (pools.length > 0 || warehouses.length > 0) {
    // Deltas, not the values read: the CHECKs still see every change (the safety net against overselling).
    await em.execute(
      `with pools as (
         insert into catalog.preorder_allocation as a (product_id, capacity, reserved)
         select product_id, null, quantity from jsonb_to_recordset(?::jsonb) as v(product_id uuid, quantity int)
         on conflict (product_id) do update set reserved = a.reserved + excluded.reserved
       )
       update catalog.warehouse_stock s set reserved = s.reserved + v.quantity
         from jsonb_to_recordset(?::jsonb) as v(product_id uuid, warehouse_id uuid, quantity int)
        where s.product_id = v.product_id and s.warehouse_id = v.warehouse_id`,
      [JSON.stringify(pools), JSON.stringify(warehouses)],
    );
  }
  const at = storeNow();
  await writeRows(em, [
    rowsOf(
      StockMovement,
      allocations.map((a) => ({ productId: a.productId, warehouseId: a.warehouseId, kind: 'RESERVED' as const, quantity: a.quantity, orderId: a.orderId, at })),
    ),
    rowsOf(
      StockReservation,
      allocations.map((a) => ({
        id: randomUUID(),
        orderId: a.orderId,
        productId: a.productId,
        warehouseId: a.warehouseId,
        quantity: a.quantity,
        state: 'RESERVED' as const,
        reservedAt: at,
        settledAt: null,
      })),
    ),
    rowsOf(OutboxMessage, events),
  ]);
}
