import { defineEntity, p } from '@mikro-orm/core';
import { OrderSchema } from './order.entity.js';

export const OrderLineSchema = defineEntity({
  name: 'OrderLine',
  tableName: 'order_line',
  properties: {
    id: p.uuid().primary(),
    // Indexed: an order's lines and dues are loaded by it on every step of its life (unindexed, each load read the whole table).
    order: () => p.manyToOne(OrderSchema).deleteRule('cascade').index(),
    position: p.integer(),
    productId: p.uuid().index(),
    quantity: p.integer(),
    /** Price when ordered: later catalog price changes do not touch placed orders. */
    unitPriceAmount: p.integer(),
    /** The product's non-refundable down payment per unit when ordered (0: none). */
    unitDownPaymentAmount: p.integer().default(0),
  },
});

export class OrderLine extends OrderLineSchema.class {}
OrderLineSchema.setClass(OrderLine);

/** Its columns as plain data (a row read to render it, or the entity itself): every property but its relations. */
export type OrderLineFields = { readonly [K in keyof OrderLine as K extends string ? (K extends 'order' ? never : K) : never]: OrderLine[K] };
