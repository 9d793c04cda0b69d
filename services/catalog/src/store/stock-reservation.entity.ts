import { defineEntity, p } from '@mikro-orm/core';

/** Units held for an order line; kept so a later cancellation can release exactly these. */
export const StockReservationSchema = defineEntity({
  name: 'StockReservation',
  tableName: 'stock_reservation',
  properties: {
    orderId: p.uuid().primary(),
    productId: p.uuid().primary(),
    quantity: p.integer(),
    reservedAt: p.datetime().onCreate(() => new Date()),
  },
});

export class StockReservation extends StockReservationSchema.class {}
StockReservationSchema.setClass(StockReservation);
