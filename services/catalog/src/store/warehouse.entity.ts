import { defineEntity, p } from '@mikro-orm/core';

/** A place that holds units (warehouses are data: China and France to start). */
export const WarehouseSchema = defineEntity({
  name: 'Warehouse',
  tableName: 'warehouse',
  properties: {
    id: p.uuid().primary(),
    /** Short stable code staff recognise, e.g. `CN-DG`, `FR-LYS`. */
    code: p.string().length(16).unique(),
    name: p.string().length(120),
    /** ISO 3166-1 alpha-2. */
    country: p.string().length(2),
    /** Stock held by the factory (CHINA_STOCK: no after-sales); sold only after every other warehouse. */
    heldByFactory: p.boolean(),
    /** Lower is drawn from first, within the factory / non-factory groups. */
    allocationPriority: p.integer(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Warehouse extends WarehouseSchema.class {}
WarehouseSchema.setClass(Warehouse);
