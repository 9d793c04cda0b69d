import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { orderPlacedV1, stockRejectedV1, stockReservedV1, type EventData, type EventEnvelope } from '@vitrine/contracts';
import { decideReservation, withOwnHolds, type ReservationDecision } from '../domain/reservation.js';
import { StockReservation } from '../store/stock-reservation.entity.js';
import { closeSoldOutWindows } from './close-sold-out-windows.js';
import { applyMovement, lockProducts, readProductStock } from './stock-counters.js';
import { endOffer, openOffersFor, passReturnedUnits } from './waitlist-offers.js';
import { catalog } from '../identity.js';
import { storeNow, type ServiceEvent } from '@vitrine/platform';

/**
 * Reacts to one OrderPlaced inside the inbox transaction: the path
 * `reserveStockForOrders` sends an order down when it is not a plain
 * reservation (it takes a waitlist offer, or sells a run out). The product rows are
 * locked (in id order, so two orders never deadlock) before reading their
 * counters and deciding, which is what keeps sold from exceeding available
 * under any concurrency. Each allocation is one RESERVED movement and one
 * reservation row naming its source, so a release or a commit later is exact.
 * Units held for the ordering customer by a waitlist offer count as theirs
 * (and only theirs): the order takes the offer, releasing the hold and
 * reserving for the order in the same transaction; units of the offer the
 * order did not need pass to the next customer waiting.
 */
export async function reserveStockForOrder(em: EntityManager, event: EventEnvelope<EventData<typeof orderPlacedV1>>): Promise<void> {
  const { orderId, lines, customerId } = event.data;
  const statuses = await lockProducts(
    em,
    lines.map((l) => l.productId),
  );
  const offers = await openOffersFor(em, customerId, [...statuses.keys()]);
  const held = new Map<string, number>();
  for (const o of offers) held.set(o.productId, (held.get(o.productId) ?? 0) + o.quantity);
  const decision = decideReservation(lines, withOwnHolds(await readProductStock(em, statuses), held));

  if (decision.kind === 'reject') {
    catalog.recordEvent(em, stockRejected(orderId, decision));
    await em.flush();
    return;
  }
  const at = storeNow();
  const ordered = new Set(decision.lines.map((l) => l.productId));
  const taken = offers.filter((o) => ordered.has(o.productId));
  for (const offer of taken) await endOffer(em, offer, 'TAKEN', at, orderId);
  for (const allocation of decision.allocations) {
    await applyMovement(em, { ...allocation, kind: 'RESERVED', orderId }, at);
    em.persist(em.create(StockReservation, { id: randomUUID(), orderId, ...allocation, state: 'RESERVED', reservedAt: at, settledAt: null }));
  }
  catalog.recordEvent(em, stockReserved(orderId, decision));
  await passReturnedUnits(em, [...new Set(taken.map((o) => o.productId))], at);
  await closeSoldOutWindows(em, [...new Set(decision.allocations.filter((a) => a.warehouseId === null).map((a) => a.productId))]);
  await em.flush();
}

/** StockReserved: what the order holds, and where each unit was taken from. */
export function stockReserved(orderId: string, decision: Extract<ReservationDecision, { kind: 'reserve' }>): ServiceEvent<typeof stockReservedV1> {
  return {
    definition: stockReservedV1,
    subject: orderId,
    data: {
      orderId,
      lines: decision.lines,
      allocations: decision.allocations.map((a) => ({ productId: a.productId, warehouseId: a.warehouseId, quantity: a.quantity })),
    },
  };
}

/** StockRejected: why the order gets nothing. */
export function stockRejected(orderId: string, decision: Extract<ReservationDecision, { kind: 'reject' }>): ServiceEvent<typeof stockRejectedV1> {
  return { definition: stockRejectedV1, subject: orderId, data: { orderId, reason: decision.reason, shortLines: decision.shortLines } };
}
