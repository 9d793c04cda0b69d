import { defineEntity, p } from '@mikro-orm/core';

export const ProductSchema = defineEntity({
  name: 'Product',
  tableName: 'product',
  // Last line of defence: whatever the code does, stock cannot go below zero.
  checks: [{ name: 'product_stock_not_negative', expression: 'stock >= 0' }],
  properties: {
    id: p.uuid().primary(),
    sku: p.string().length(64).unique(),
    name: p.string().length(200),
    priceAmount: p.integer(),
    priceCurrency: p.string().length(3),
    /** Units available to reserve (reserved units are already subtracted). */
    stock: p.integer(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['createdAt', 'id'] }],
});

export class Product extends ProductSchema.class {}
ProductSchema.setClass(Product);
