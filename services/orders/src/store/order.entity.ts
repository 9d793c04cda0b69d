import { defineEntity, p } from '@mikro-orm/core';
import type { OrderStatus } from '../domain/order-status.js';
import { OrderLineSchema } from './order-line.entity.js';

export const OrderSchema = defineEntity({
  name: 'Order',
  tableName: 'customer_order',
  properties: {
    id: p.uuid().primary(),
    /** Null until accounts land and every order has an owner. */
    customerId: p.uuid().nullable().index(),
    status: p.string().length(32).$type<OrderStatus>(),
    statusReason: p.string().nullable(),
    totalAmount: p.integer(),
    currency: p.string().length(3),
    /** The client's retry key for placeOrder, and what it was first used for. */
    idempotencyKey: p.string().length(200).unique(),
    requestFingerprint: p.string().length(64),
    lines: () => p.oneToMany(OrderLineSchema).mappedBy('order').orderBy({ position: 'asc' }),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

export class Order extends OrderSchema.class {}
OrderSchema.setClass(Order);
