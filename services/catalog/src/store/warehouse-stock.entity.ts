import { defineEntity, p } from '@mikro-orm/core';

/**
 * Counters for one product in one warehouse. Every change also appends a
 * stock_movement row in the same transaction, so these always reconcile
 * with the ledger; the CHECKs are the last line of defence against overselling.
 */
export const WarehouseStockSchema = defineEntity({
  name: 'WarehouseStock',
  tableName: 'warehouse_stock',
  checks: [
    { name: 'warehouse_stock_reserved_not_negative', expression: 'reserved >= 0' },
    { name: 'warehouse_stock_reserved_within_on_hand', expression: 'reserved <= on_hand' },
  ],
  properties: {
    productId: p.uuid().primary(),
    warehouseId: p.uuid().primary(),
    /** Units physically there (reserved ones included). */
    onHand: p.integer(),
    /** Units held for orders not shipped yet. */
    reserved: p.integer(),
  },
});

export class WarehouseStock extends WarehouseStockSchema.class {}
WarehouseStockSchema.setClass(WarehouseStock);
