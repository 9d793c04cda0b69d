import { defineEntity, p } from '@mikro-orm/core';

/**
 * Units staff moved from one warehouse to another: one row per transfer, the
 * two TRANSFERRED ledger rows name it (stock_movement.transfer_id). An
 * idempotency key, when given, is unique per staff member: the same request
 * sent again gets this transfer back instead of moving the units twice.
 */
export const StockTransferSchema = defineEntity({
  name: 'StockTransfer',
  tableName: 'stock_transfer',
  checks: [
    { name: 'stock_transfer_quantity_positive', expression: 'quantity > 0' },
    { name: 'stock_transfer_between_two_warehouses', expression: 'from_warehouse_id <> to_warehouse_id' },
  ],
  properties: {
    id: p.uuid().primary(),
    productId: p.uuid(),
    fromWarehouseId: p.uuid(),
    toWarehouseId: p.uuid(),
    quantity: p.integer(),
    reason: p.string().length(500),
    /** Staff member; null: the demo seed. */
    actor: p.uuid().nullable(),
    idempotencyKey: p.string().length(200).nullable(),
    at: p.datetime(),
  },
  uniques: [{ name: 'stock_transfer_idempotency_key_unique', properties: ['actor', 'idempotencyKey'] }],
});

export class StockTransfer extends StockTransferSchema.class {}
StockTransferSchema.setClass(StockTransfer);
