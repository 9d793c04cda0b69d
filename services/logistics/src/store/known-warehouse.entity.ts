import { defineEntity, p } from '@mikro-orm/core';

/** Catalog's warehouses (WarehouseCreated): rate tables name origins by code; deadlines count business days in the country's calendar. */
export const KnownWarehouseSchema = defineEntity({
  name: 'KnownWarehouse',
  tableName: 'known_warehouse',
  properties: {
    warehouseId: p.uuid().primary(),
    code: p.string().length(16).unique(),
    name: p.string().length(120),
    country: p.string().length(2),
  },
});

export class KnownWarehouse extends KnownWarehouseSchema.class {}
KnownWarehouseSchema.setClass(KnownWarehouse);
