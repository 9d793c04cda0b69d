import { defineEntity, p } from '@mikro-orm/core';
import { reservationStates, type ReservationState } from '../domain/stock-ledger.js';

/**
 * Units held for one order (or, for an exchange, one unit held for an
 * after-sales claim: `orderId` is then the claim's id), from one source (a warehouse, or the preorder
 * pool when `warehouseId` is null): a line split across warehouses has one
 * row per warehouse. Released or committed rows are kept with their state,
 * so a release or a commit happens exactly once.
 */
export const StockReservationSchema = defineEntity({
  name: 'StockReservation',
  tableName: 'stock_reservation',
  checks: [
    { name: 'stock_reservation_quantity_positive', expression: 'quantity > 0' },
    { name: 'stock_reservation_state_known', expression: `state in (${reservationStates.map((s) => `'${s}'`).join(', ')})` },
  ],
  properties: {
    id: p.uuid().primary(),
    orderId: p.uuid().index(),
    productId: p.uuid(),
    /** Null: held in the product's preorder pool (moved to a warehouse when units arrive). */
    warehouseId: p.uuid().nullable(),
    quantity: p.integer(),
    state: p.string().length(16).$type<ReservationState>(),
    reservedAt: p.datetime().onCreate(() => new Date()),
    /** When it was released or committed. */
    settledAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['productId', 'state'] }],
});

export class StockReservation extends StockReservationSchema.class {}
StockReservationSchema.setClass(StockReservation);
