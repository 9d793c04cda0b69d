import { defineEntity, p } from '@mikro-orm/core';

/**
 * A product's preorder pool: units promised to preorders before they exist.
 * No row, or a null capacity, is an open-ended preorder; a limited run never
 * reserves beyond its capacity (CHECK).
 */
export const PreorderAllocationSchema = defineEntity({
  name: 'PreorderAllocation',
  tableName: 'preorder_allocation',
  checks: [
    { name: 'preorder_allocation_reserved_not_negative', expression: 'reserved >= 0' },
    { name: 'preorder_allocation_within_capacity', expression: 'capacity is null or reserved <= capacity' },
    { name: 'preorder_allocation_arrived_not_negative', expression: 'arrived >= 0' },
  ],
  properties: {
    productId: p.uuid().primary(),
    /**
     * What preorders may hold: the product's limited quantity less what has
     * arrived (null: open-ended). Lowered when preorders move onto arrived units.
     */
    capacity: p.integer().nullable(),
    /** Units held for preorders that have not arrived yet. */
    reserved: p.integer(),
    /** Preordered units moved onto delivered stock so far: the part of the run that has arrived (limited quantity = capacity + arrived). */
    arrived: p.integer().default(0),
  },
});

// No entity class: the pool's counters change only through raw SQL in use-cases/stock-counters.ts, under the product lock.
