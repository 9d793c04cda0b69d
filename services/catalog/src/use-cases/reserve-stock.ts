import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { orderPlacedV1, stockRejectedV1, stockReservedV1, type EventData, type EventEnvelope } from '@vitrine/contracts';
import { decideReservation } from '../domain/reservation.js';
import { StockReservation } from '../store/stock-reservation.entity.js';
import { closeSoldOutWindows } from './close-sold-out-windows.js';
import { applyMovement, lockProducts, readProductStock } from './stock-counters.js';
import { catalog } from '../identity.js';
import { storeNow } from '@vitrine/platform';

/**
 * Reacts to OrderPlaced inside the inbox transaction. The product rows are
 * locked (in id order, so two orders never deadlock) before reading their
 * counters and deciding, which is what keeps sold from exceeding available
 * under any concurrency. Each allocation is one RESERVED movement and one
 * reservation row naming its source, so a release or a commit later is exact.
 */
export async function reserveStockForOrder(em: EntityManager, event: EventEnvelope<EventData<typeof orderPlacedV1>>): Promise<void> {
  const { orderId, lines } = event.data;
  const statuses = await lockProducts(
    em,
    lines.map((l) => l.productId),
  );
  const decision = decideReservation(lines, await readProductStock(em, statuses));

  if (decision.kind === 'reject') {
    catalog.recordEvent(em, { definition: stockRejectedV1, subject: orderId, data: { orderId, reason: decision.reason, shortLines: decision.shortLines } });
    await em.flush();
    return;
  }
  const at = storeNow();
  for (const allocation of decision.allocations) {
    await applyMovement(em, { ...allocation, kind: 'RESERVED', orderId }, at);
    em.persist(em.create(StockReservation, { id: randomUUID(), orderId, ...allocation, state: 'RESERVED', reservedAt: at, settledAt: null }));
  }
  catalog.recordEvent(em, { definition: stockReservedV1, subject: orderId, data: { orderId, lines: decision.lines } });
  await closeSoldOutWindows(em, [...new Set(decision.allocations.filter((a) => a.warehouseId === null).map((a) => a.productId))]);
  await em.flush();
}
