import { defineEntity, p } from '@mikro-orm/core';

/**
 * Accounts' projection of orders (OrderPlaced, OrderStatusChanged): whose
 * order it is and its last status, to tell whether a customer has open
 * orders (domain/open-orders). Ids and statuses only.
 */
export const KnownOrderSchema = defineEntity({
  name: 'KnownOrder',
  tableName: 'known_order',
  properties: {
    orderId: p.uuid().primary(),
    /** Null until OrderPlaced arrives (a status change delivered first), or for orders placed before events named the customer. */
    customerId: p.uuid().nullable().index(),
    status: p.string().length(32),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class KnownOrder extends KnownOrderSchema.class {}
KnownOrderSchema.setClass(KnownOrder);
