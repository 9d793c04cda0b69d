import { defineEntity, p } from '@mikro-orm/core';
import type { OrderStatus } from '@vitrine/contracts';

/**
 * What payments knows of an order, from orders' events: its owner, its
 * currency and its last status. Its row is the order's money lock: every
 * decision that moves an order's money (capture, fee, refund, shipment)
 * takes it FOR UPDATE first, so they happen one at a time per order.
 */
export const KnownOrderSchema = defineEntity({
  name: 'KnownOrder',
  tableName: 'known_order',
  properties: {
    id: p.uuid().primary(),
    customerId: p.uuid().index(),
    currency: p.string().length(3),
    /** Last status orders announced (null until one arrives). */
    status: p.string().length(32).$type<OrderStatus>().nullable(),
    /** Set when the order was cancelled or expired: nothing more is collected, money arriving later goes back. */
    closedAt: p.datetime().nullable(),
    updatedAt: p.datetime(),
  },
});

export class KnownOrder extends KnownOrderSchema.class {}
KnownOrderSchema.setClass(KnownOrder);
