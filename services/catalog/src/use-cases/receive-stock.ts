import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, checkStaffReason, type FieldProblem, isUuid, NotFound } from '@vitrine/platform';
import { assertAdjustment, checkDelta, checkQuantity } from '../domain/stock-change.js';
import { checkWarehouseInUse } from '../domain/warehouse-change.js';
import { Warehouse } from '../store/warehouse.entity.js';
import { recordAudit } from './record-audit.js';
import { applyMovement, lockProducts, warehouseLevels } from './stock-counters.js';

export interface ReceiveStockCommand {
  productId: string;
  warehouseId: string;
  quantity: number;
}

export interface AdjustStockCommand {
  productId: string;
  warehouseId: string;
  delta: number;
  reason: string;
}

/** Staff record an ordinary restock: units received into a warehouse become sellable. Audited, one RECEIVED movement. */
export async function receiveStock(em: EntityManager, actor: string, command: ReceiveStockCommand): Promise<void> {
  const problems = [...checkQuantity(command.quantity), ...(await checkWarehouse(em, command.warehouseId))];
  if (problems.length > 0) throw new BadUserInput('The stock receipt is not valid.', problems);
  await em.transactional(async (tx) => {
    await lockProduct(tx, command.productId);
    await applyMovement(tx, {
      productId: command.productId,
      warehouseId: command.warehouseId,
      kind: 'RECEIVED',
      quantity: command.quantity,
      reason: 'Restock received.',
      actor,
    });
    recordAudit(tx, actor, 'stock.received', command.productId, { warehouseId: command.warehouseId, quantity: command.quantity });
  });
}

/**
 * Staff correct a warehouse's units after a count, breakage or loss, saying
 * why. Refused (POLICY_VIOLATION STOCK_BELOW_RESERVED) when it would leave
 * fewer units than are reserved for orders, or fewer than none.
 */
export async function adjustStock(em: EntityManager, actor: string, command: AdjustStockCommand): Promise<void> {
  const staffReason = checkStaffReason(command.reason);
  const problems = [...checkDelta(command.delta), ...staffReason.problems, ...(await checkWarehouse(em, command.warehouseId))];
  if (problems.length > 0) throw new BadUserInput('The stock adjustment is not valid.', problems);
  await em.transactional(async (tx) => {
    await lockProduct(tx, command.productId);
    const level = (await warehouseLevels(tx, [command.productId])).find((l) => l.warehouseId === command.warehouseId) ?? { onHand: 0, reserved: 0 };
    const onHand = assertAdjustment(level, command.delta);
    await applyMovement(tx, {
      productId: command.productId,
      warehouseId: command.warehouseId,
      kind: 'ADJUSTED',
      quantity: command.delta,
      reason: staffReason.reason,
      actor,
    });
    recordAudit(tx, actor, 'stock.adjusted', command.productId, {
      warehouseId: command.warehouseId,
      delta: command.delta,
      onHand: { from: level.onHand, to: onHand },
      reason: staffReason.reason,
    });
  });
}

/** Locks the product row (every stock writer does, first); NOT_FOUND when there is no such product. */
export async function lockProduct(em: EntityManager, productId: string): Promise<void> {
  if (!(await lockProducts(em, [productId])).has(productId)) throw new NotFound('Product', productId);
}

/** The warehouse named exists and is not retired (an id that is not a uuid names none, rather than failing the query). */
export async function checkWarehouse(em: EntityManager, warehouseId: string): Promise<FieldProblem[]> {
  const warehouse = isUuid(warehouseId) ? await em.findOne(Warehouse, { id: warehouseId }) : null;
  return checkWarehouseInUse(warehouse && { code: warehouse.code, retiredAt: warehouse.retiredAt ?? null });
}
