import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { productArrivedV1 } from '@vitrine/contracts';
import { BadUserInput, storeNow } from '@vitrine/platform';
import { decideArrival } from '../domain/arrival.js';
import { checkQuantity } from '../domain/stock-change.js';
import { StockReservation } from '../store/stock-reservation.entity.js';
import { Warehouse } from '../store/warehouse.entity.js';
import { checkWarehouse, lockProduct } from './receive-stock.js';
import { recordAudit } from './record-audit.js';
import { applyMovement, recordArrivalOnPool } from './stock-counters.js';
import { catalog } from '../identity.js';

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
 * product's waiting preorders move onto them as domain/arrival.ts decides
 * (a RELEASED movement on the pool and a RESERVED one on the warehouse, per
 * order, so the ledger shows it); whatever is left is sellable. The pool
 * counts the moved units as arrived (stock-counters.ts recordArrivalOnPool),
 * so the run never makes room for more preorders than it has. ProductArrived
 * is announced (pay-on-arrival plans start from it).
 */
export async function arrivedAtWarehouse(em: EntityManager, actor: string, command: ArrivalCommand): Promise<Arrival> {
  const problems = [...checkQuantity(command.quantity), ...(await checkWarehouse(em, command.warehouseId))];
  if (problems.length > 0) throw new BadUserInput('The arrival is not valid.', problems);
  return em.transactional(async (tx) => {
    const { productId, warehouseId, quantity } = command;
    await lockProduct(tx, productId);
    const at = storeNow();
    const warehouse = await tx.findOneOrFail(Warehouse, { id: warehouseId });
    await applyMovement(tx, { productId, warehouseId, kind: 'RECEIVED', quantity, reason: 'Arrived from the maker.', actor }, at);

    const waiting = await tx.find(StockReservation, { productId, warehouseId: null, state: 'RESERVED' });
    const decision = decideArrival(waiting, quantity);
    const byId = new Map(waiting.map((r) => [r.id, r]));
    const reason = 'Preorder moved onto arrived units.';
    for (const move of decision.moves) {
      const r = byId.get(move.reservationId)!;
      await applyMovement(tx, { productId, warehouseId: null, kind: 'RELEASED', quantity: -move.quantity, orderId: move.orderId, reason, actor }, at);
      await applyMovement(tx, { productId, warehouseId, kind: 'RESERVED', quantity: move.quantity, orderId: move.orderId, reason, actor }, at);
      if (!move.split) r.warehouseId = warehouseId;
      else {
        r.quantity -= move.quantity;
        tx.persist(
          tx.create(StockReservation, {
            id: randomUUID(),
            orderId: r.orderId,
            productId,
            warehouseId,
            quantity: move.quantity,
            state: 'RESERVED',
            reservedAt: r.reservedAt,
            settledAt: null,
          }),
        );
      }
    }
    await recordArrivalOnPool(tx, productId, decision.moved);
    recordAudit(tx, actor, 'product.arrived', productId, { warehouseId, quantity, movedFromPreorders: decision.moved }, at);
    catalog.recordEvent(tx, {
      definition: productArrivedV1,
      subject: productId,
      data: {
        productId,
        warehouseId,
        warehouseCountry: warehouse.country,
        quantity,
        arrivedAt: at.toISOString(),
        orders: decision.moves.map((m) => ({ orderId: m.orderId, quantity: m.quantity })),
      },
    });
    return { movedFromPreorders: decision.moved, surplus: decision.surplus };
  });
}
