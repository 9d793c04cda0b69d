import { defineEntity, p } from '@mikro-orm/core';
import type { WarehouseReturnAddress } from '@vitrine/contracts';

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
    /** Set once staff retire it: kept for its ledger, never received into or drawn from again (it held no unit then). */
    retiredAt: p.datetime().nullable(),
    /** Where customers send items back to it (returns for preference, a claim's return), in its own country; null until staff give one. */
    returnAddress: p.json<WarehouseReturnAddress>().nullable(),
  },
});

export class Warehouse extends WarehouseSchema.class {}
WarehouseSchema.setClass(Warehouse);
