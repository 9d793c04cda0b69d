import { defineEntity, p } from '@mikro-orm/core';
import type { OrderStatus } from '../domain/order-status.js';
import { OrderLineSchema } from './order-line.entity.js';

export const OrderSchema = defineEntity({
  name: 'Order',
  tableName: 'customer_order',
  properties: {
    id: p.uuid().primary(),
    /** The customer who placed it: only they (or staff with orders:manage) may see it. */
    customerId: p.uuid().index(),
    status: p.string().length(32).$type<OrderStatus>(),
    statusReason: p.string().nullable(),
    totalAmount: p.integer(),
    currency: p.string().length(3),
    /** The client's retry key for placeOrder (unique per customer), and what it was first used for. */
    idempotencyKey: p.string().length(200),
    requestFingerprint: p.string().length(64),
    lines: () => p.oneToMany(OrderLineSchema).mappedBy('order').orderBy({ position: 'asc' }),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  uniques: [{ name: 'customer_order_customer_id_idempotency_key_unique', properties: ['customerId', 'idempotencyKey'] }],
});

export class Order extends OrderSchema.class {}
OrderSchema.setClass(Order);
