import type { EntityManager } from '@mikro-orm/postgresql';
import { orderPlacedV1, stockRejectedV1, stockReservedV1, type EventData, type EventEnvelope } from '@vitrine/contracts';
import { recordEvent } from '@vitrine/platform';
import { decideReservation } from '../domain/reservation.js';
import { StockReservation } from '../store/stock-reservation.entity.js';
import { catalogSource } from './create-product.js';

/**
 * Reacts to OrderPlaced inside the inbox transaction. The product rows are
 * locked (in id order, so two orders never deadlock) before deciding, which
 * is what keeps stock from going negative under any concurrency.
 */
export async function reserveStockForOrder(em: EntityManager, event: EventEnvelope<EventData<typeof orderPlacedV1>>): Promise<void> {
  const { orderId, lines } = event.data;
  const ids = [...new Set(lines.map((l) => l.productId))].sort();
  const rows = await em.execute<{ id: string; stock: number }[]>(
    `select id, stock from catalog.product where id in (?) order by id for update`,
    [ids],
  );
  const decision = decideReservation(lines, new Map(rows.map((r) => [r.id, r.stock])));

  if (decision.kind === 'reject') {
    recordEvent(em, { source: catalogSource, definition: stockRejectedV1, subject: orderId, data: { orderId, reason: decision.reason, shortLines: decision.shortLines } });
    await em.flush();
    return;
  }
  for (const line of decision.lines) {
    await em.execute(`update catalog.product set stock = stock - ?, updated_at = now() where id = ?`, [line.quantity, line.productId]);
    em.persist(em.create(StockReservation, { orderId, productId: line.productId, quantity: line.quantity }));
  }
  recordEvent(em, { source: catalogSource, definition: stockReservedV1, subject: orderId, data: { orderId, lines: decision.lines } });
  await em.flush();
}
