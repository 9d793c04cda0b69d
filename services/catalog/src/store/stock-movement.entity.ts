import { defineEntity, p } from '@mikro-orm/core';
import { movementKinds, type MovementKind } from '../domain/stock-ledger.js';

/**
 * Append-only stock ledger: one row per counter change, written in the same
 * transaction as the change. The sign of `quantity` is the effect on the
 * counters (see domain/stock-ledger.ts), so the counters can be recomputed.
 */
export const StockMovementSchema = defineEntity({
  name: 'StockMovement',
  tableName: 'stock_movement',
  checks: [
    { name: 'stock_movement_kind_known', expression: `kind in (${movementKinds.map((k) => `'${k}'`).join(', ')})` },
    {
      name: 'stock_movement_sign',
      expression: `(kind in ('RECEIVED', 'RESERVED') and quantity > 0) or (kind in ('RELEASED', 'SHIPPED') and quantity < 0) or (kind in ('ADJUSTED', 'TRANSFERRED') and quantity <> 0)`,
    },
    { name: 'stock_movement_transfer_named', expression: `(kind = 'TRANSFERRED') = (transfer_id is not null)` },
  ],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    productId: p.uuid(),
    /** Null: the product's preorder pool. */
    warehouseId: p.uuid().nullable(),
    kind: p.string().length(16).$type<MovementKind>(),
    quantity: p.integer(),
    orderId: p.uuid().nullable(),
    reason: p.string().length(500).nullable(),
    /** Staff member, seed id, or null for the system reacting to an event. */
    actor: p.uuid().nullable(),
    /** TRANSFERRED rows only: the stock_transfer both rows of one move name (minus at the source, plus at the destination). */
    transferId: p.uuid().nullable(),
    at: p.datetime(),
  },
  indexes: [{ properties: ['productId', 'warehouseId'] }],
});

export class StockMovement extends StockMovementSchema.class {}
StockMovementSchema.setClass(StockMovement);
