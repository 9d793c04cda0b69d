import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { decodeCursor, encodeCursor, NotFound, pageSize, requireUuid, storeNow, type Caller } from '@vitrine/platform';
import { isUuid } from '@vitrine/platform/domain';
import { isQueuePosition } from '../domain/queue-cursor.js';
import type { ShipmentStatus } from '../domain/shipment-status.js';
import { canAccessOwnedBy } from '../identity.js';
import { ShipmentOrder } from '../store/shipment-order.entity.js';
import { Shipment } from '../store/shipment.entity.js';
import { TrackingEvent } from '../store/tracking-event.entity.js';

export interface ShipmentFilter {
  statuses: ShipmentStatus[] | null;
  warehouseId: string | null;
  /** Past its handover deadline and still unpacked. */
  late: boolean | null;
}

function queueFilter(filter: ShipmentFilter): FilterQuery<Shipment> {
  const where: FilterQuery<Shipment> = {};
  if (filter.statuses?.length) where.status = { $in: filter.statuses };
  if (filter.warehouseId) where.warehouseId = requireUuid(filter.warehouseId, 'filter.warehouseId', 'warehouse');
  if (filter.late === true) Object.assign(where, { status: 'OPEN', handoverBy: { $lt: storeNow() } });
  if (filter.late === false) where.$or = [{ handoverBy: null }, { handoverBy: { $gte: storeNow() } }, { status: { $ne: 'OPEN' } }];
  return where;
}

/** The staff queue: oldest first. */
export function listShipments(em: EntityManager, filter: ShipmentFilter, first: number): Promise<Shipment[]> {
  return em.find(Shipment, queueFilter(filter), { orderBy: { openedAt: 'asc', id: 'asc' }, limit: Math.min(Math.max(first, 1), 100) });
}

export interface ShipmentQueuePage {
  items: { shipment: Shipment; cursor: string }[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * One page of the staff queue, oldest first, keyset on (opened_at, id): a shipment opened while staff page through
 * lands on a later page, never shifts one already read. A bad cursor is BAD_USER_INPUT INVALID_CURSOR.
 */
export async function shipmentQueuePage(em: EntityManager, filter: ShipmentFilter, first: number | null, after: string | null): Promise<ShipmentQueuePage> {
  const size = pageSize(first, { defaultSize: 30, max: 100 });
  const position = after ? decodeCursor(after, isQueuePosition) : null;
  const where = queueFilter(filter);
  const page: FilterQuery<Shipment> = position
    ? { $and: [where, { $or: [{ openedAt: { $gt: new Date(position.at) } }, { openedAt: new Date(position.at), id: { $gt: position.id } }] }] }
    : where;
  const rows = await em.find(Shipment, page, { orderBy: { openedAt: 'asc', id: 'asc' }, limit: size + 1 });
  const items = rows.slice(0, size).map((shipment) => ({ shipment, cursor: encodeCursor({ at: shipment.openedAt.toISOString(), id: shipment.id }) }));
  return { items, hasNextPage: rows.length > size, endCursor: items.at(-1)?.cursor ?? null };
}

/** A shipment its customer or staff (logistics:fulfil) may see; NOT_FOUND for anyone else. */
export async function loadShipment(em: EntityManager, caller: Caller, id: string): Promise<Shipment> {
  const shipment = isUuid(id) ? await em.findOne(Shipment, { id }) : null;
  if (!shipment || !canAccessOwnedBy(caller, shipment.customerId, 'logistics:fulfil')) throw new NotFound('Shipment', id);
  return shipment;
}

/** Shipments of these orders, per order id: the parcel carrying each, then its claims' replacements (two queries). */
export async function shipmentsOfOrders(em: EntityManager, orderIds: readonly string[]): Promise<Map<string, Shipment[]>> {
  const links = await em.find(ShipmentOrder, { orderId: { $in: [...orderIds] } });
  const shipments = await em.find(
    Shipment,
    { $or: [{ id: { $in: links.map((l) => l.shipmentId) } }, { replacesOrderId: { $in: [...orderIds] } }] },
    { orderBy: { openedAt: 'asc', id: 'asc' } },
  );
  const byId = new Map(shipments.map((s) => [s.id, s]));
  const result = new Map<string, Shipment[]>(orderIds.map((id) => [id, []]));
  for (const l of links) result.get(l.orderId)?.push(byId.get(l.shipmentId)!);
  for (const s of shipments) if (s.replacesOrderId) result.get(s.replacesOrderId)?.push(s);
  return result;
}

export function ordersInShipments(em: EntityManager, shipmentIds: readonly string[]): Promise<ShipmentOrder[]> {
  return em.find(ShipmentOrder, { shipmentId: { $in: [...shipmentIds] } }, { orderBy: { orderId: 'asc' } });
}

export function trackingOf(em: EntityManager, shipmentIds: readonly string[]): Promise<TrackingEvent[]> {
  return em.find(TrackingEvent, { shipmentId: { $in: [...shipmentIds] } }, { orderBy: { at: 'asc', id: 'asc' } });
}
