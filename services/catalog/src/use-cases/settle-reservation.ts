import type { EntityManager } from '@mikro-orm/postgresql';
import { orderStatusChangedV1, shippedOrderStatus, stockReleasedV1, stockReleasingOrderStatuses, type EventData, type EventEnvelope } from '@vitrine/contracts';
import { StockReservation } from '../store/stock-reservation.entity.js';
import { applyMovement, lockProducts } from './stock-counters.js';
import { passReturnedUnits } from './waitlist-offers.js';
import { catalog } from '../identity.js';
import { storeNow } from '@vitrine/platform';

/** Reacts to OrderStatusChanged: releases on cancellation or expiry, commits on shipping, ignores the rest. */
export async function settleReservationOnStatus(em: EntityManager, event: EventEnvelope<EventData<typeof orderStatusChangedV1>>): Promise<void> {
  const { orderId, to } = event.data;
  if (releases(to)) await releaseReservation(em, orderId, to);
  else if (to === shippedOrderStatus) await commitReservation(em, orderId);
}

// Contracts says which statuses give units back and which one takes them out of the building.
const releases = (status: string) => (stockReleasingOrderStatuses as readonly string[]).includes(status);

/** Whether an order moving to `status` moves its reserved units (released or shipped); any other status leaves them. */
export function settlesReservation(status: string): boolean {
  return releases(status) || status === shippedOrderStatus;
}

/**
 * Gives the order's held units back to where each came from (warehouse or
 * preorder pool) and announces StockReleased; units of a limited run go to
 * its waitlist first (`passReturnedUnits`). Only rows still RESERVED move,
 * so a second delivery, or an order catalog never reserved (rejected), is a no-op.
 */
export async function releaseReservation(em: EntityManager, orderId: string, reason: string): Promise<void> {
  const held = await lockedReservations(em, orderId);
  if (held.length === 0) return;
  const at = storeNow();
  for (const r of held) {
    await applyMovement(em, { productId: r.productId, warehouseId: r.warehouseId ?? null, kind: 'RELEASED', quantity: -r.quantity, orderId, reason }, at);
    Object.assign(r, { state: 'RELEASED', settledAt: at });
  }
  catalog.recordEvent(em, { definition: stockReleasedV1, subject: orderId, data: { orderId, lines: perProduct(held), reason } });
  // Units back in a limited run's pool go to its waitlist first (or back to everyone, reopening a sold-out window).
  await passReturnedUnits(em, [...new Set(held.filter((r) => r.warehouseId == null).map((r) => r.productId))], at);
  await em.flush();
}

/**
 * The order was shipped: its units leave both reserved and on hand (one
 * SHIPPED movement per source). A reservation still in the preorder pool
 * (shipped before its arrival was recorded) only leaves the pool, which has
 * no units on hand. Idempotent like the release.
 */
export async function commitReservation(em: EntityManager, orderId: string): Promise<void> {
  const held = await lockedReservations(em, orderId);
  const at = storeNow();
  for (const r of held) {
    await applyMovement(em, { productId: r.productId, warehouseId: r.warehouseId ?? null, kind: 'SHIPPED', quantity: -r.quantity, orderId }, at);
    Object.assign(r, { state: 'COMMITTED', settledAt: at });
  }
  await em.flush();
}

/** The order's RESERVED rows, read after locking their products (the lock every stock writer takes first). */
async function lockedReservations(em: EntityManager, orderId: string): Promise<StockReservation[]> {
  const candidates = await em.find(StockReservation, { orderId, state: 'RESERVED' });
  if (candidates.length === 0) return [];
  await lockProducts(
    em,
    candidates.map((r) => r.productId),
  );
  return em.find(StockReservation, { orderId, state: 'RESERVED' }, { refresh: true, orderBy: { productId: 'asc', id: 'asc' } });
}

function perProduct(rows: readonly StockReservation[]): { productId: string; quantity: number }[] {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.productId, (totals.get(r.productId) ?? 0) + r.quantity);
  return [...totals].map(([productId, quantity]) => ({ productId, quantity }));
}
