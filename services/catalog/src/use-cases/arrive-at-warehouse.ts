import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { productArrivedV1 } from '@vitrine/contracts';
import { BadUserInput, recordEvent } from '@vitrine/platform';
import { checkQuantity } from '../domain/stock-change.js';
import { StockReservation } from '../store/stock-reservation.entity.js';
import { catalogSource } from './create-product.js';
import { checkWarehouse, lockProduct } from './receive-stock.js';
import { recordAudit } from './record-audit.js';
import { applyMovement } from './stock-counters.js';

export interface ArrivalCommand {
  productId: string;
  warehouseId: string;
  quantity: number;
}

export interface Arrival {
  /** Preordered units moved from the pool onto the arrived units. */
  movedFromPreorders: number;
  /** Arrived units left sellable. */
  surplus: number;
}

/**
 * Preorder stock reaches a warehouse. The units are received there; the
 * product's outstanding preorder reservations move onto them first, oldest
 * first (a RELEASED movement on the pool and a RESERVED one on the
 * warehouse, per order, so the ledger shows it); whatever is left is
 * sellable. The pool's limit is lowered by the units moved: it counts units
 * still to come from the maker, so moving preorders onto arrived units
 * never makes room for more preorders than the run. ProductArrived is
 * announced (pay-on-arrival plans start from it).
 */
export async function arrivedAtWarehouse(em: EntityManager, actor: string, command: ArrivalCommand): Promise<Arrival> {
  const problems = [...checkQuantity(command.quantity), ...(await checkWarehouse(em, command.warehouseId))];
  if (problems.length > 0) throw new BadUserInput('The arrival is not valid.', problems);
  return em.transactional(async (tx) => {
    const { productId, warehouseId, quantity } = command;
    await lockProduct(tx, productId);
    const at = new Date();
    await applyMovement(tx, { productId, warehouseId, kind: 'RECEIVED', quantity, reason: 'Arrived from the maker.', actor }, at);

    let left = quantity;
    const waiting = await tx.find(StockReservation, { productId, warehouseId: null, state: 'RESERVED' }, { orderBy: { reservedAt: 'asc', id: 'asc' } });
    for (const r of waiting) {
      if (left === 0) break;
      const take = Math.min(left, r.quantity);
      const reason = 'Preorder moved onto arrived units.';
      await applyMovement(tx, { productId, warehouseId: null, kind: 'RELEASED', quantity: -take, orderId: r.orderId, reason, actor }, at);
      await applyMovement(tx, { productId, warehouseId, kind: 'RESERVED', quantity: take, orderId: r.orderId, reason, actor }, at);
      if (take === r.quantity) r.warehouseId = warehouseId;
      else {
        r.quantity -= take;
        tx.persist(tx.create(StockReservation, { id: randomUUID(), orderId: r.orderId, productId, warehouseId, quantity: take, state: 'RESERVED', reservedAt: r.reservedAt, settledAt: null }));
      }
      left -= take;
    }
    const moved = quantity - left;
    if (moved > 0) {
      await tx.execute(
        `update catalog.preorder_allocation set limit_quantity = limit_quantity - ?, arrived = arrived + ? where product_id = ?`,
        [moved, moved, productId],
      );
    }
    recordAudit(tx, actor, 'product.arrived', productId, { warehouseId, quantity, movedFromPreorders: moved }, at);
    recordEvent(tx, { source: catalogSource, definition: productArrivedV1, subject: productId, data: { productId, warehouseId, quantity, arrivedAt: at.toISOString() } });
    return { movedFromPreorders: moved, surplus: left };
  });
}
