import { defineEntity, p } from '@mikro-orm/core';
import type { WarehouseReturnAddress } from '@vitrine/contracts';

/**
 * Projection of catalog's warehouses (WarehouseCreated, WarehouseUpdated, each
 * carrying the warehouse whole): where customers send items back to it.
 */
export const KnownWarehouseSchema = defineEntity({
  name: 'KnownWarehouse',
  tableName: 'known_warehouse',
  properties: {
    id: p.uuid().primary(),
    code: p.string().length(16),
    name: p.string().length(120),
    country: p.string().length(2),
    /** Null while catalog's staff have given none. */
    returnAddress: p.json<WarehouseReturnAddress>().nullable(),
  },
});

export class KnownWarehouse extends KnownWarehouseSchema.class {}
KnownWarehouseSchema.setClass(KnownWarehouse);

/**
 * Projection of logistics' ShipmentOpened: the warehouse an order's parcel
 * leaves from (null when catalog had not told logistics where its units are).
 * The first parcel opened for the order is kept: combined parcels share their
 * warehouse, and a claim's replacement parcel is not the order's.
 */
export const OrderParcelSchema = defineEntity({
  name: 'OrderParcel',
  tableName: 'order_parcel',
  properties: {
    orderId: p.uuid().primary(),
    shipmentId: p.uuid(),
    warehouseId: p.uuid().nullable(),
  },
});

export class OrderParcel extends OrderParcelSchema.class {}
OrderParcelSchema.setClass(OrderParcel);
