import { defineEntity, p } from '@mikro-orm/core';

/**
 * Orders as orders announced them: whose they are (status changes carry only
 * the order id), their status (an ended or shipped order hears no more product
 * news) and their products (who to tell when a product changes); and the
 * logistics shipment carrying them, if any (its dispatch email tells them
 * shipped, so their SHIPPED status sends none).
 */
export const KnownOrderSchema = defineEntity({
  name: 'KnownOrder',
  tableName: 'known_order',
  properties: {
    orderId: p.uuid().primary(),
    customerId: p.uuid().nullable().index(),
    status: p.string().length(32),
    productIds: p.array(),
    shipmentId: p.uuid().nullable(),
  },
  indexes: [
    { name: 'known_order_product_ids', expression: 'create index "known_order_product_ids" on "notifications"."known_order" using gin ("product_ids")' },
  ],
});

export class KnownOrder extends KnownOrderSchema.class {}
KnownOrderSchema.setClass(KnownOrder);
