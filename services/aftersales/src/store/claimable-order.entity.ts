import { defineEntity, p } from '@mikro-orm/core';

/**
 * Projection of orders: a confirmed order with the policy version it is judged
 * by; claims open once `deliveredAt` is set (OrderStatusChanged to DELIVERED).
 * The shipping it paid comes with ReadyToFulfil.
 */
export const ClaimableOrderSchema = defineEntity({
  name: 'ClaimableOrder',
  tableName: 'claimable_order',
  properties: {
    id: p.uuid().primary(),
    customerId: p.uuid().index(),
    /** PREORDER or IN_STOCK. */
    kind: p.string().length(16),
    policyVersion: p.integer(),
    orderedAt: p.datetime(3),
    deliveredAt: p.datetime(3).nullable(),
    /** What the customer paid for the order's shipping (orders' ReadyToFulfil); null until then. A return's share of it comes from this. */
    shippingPaidAmount: p.integer().nullable(),
  },
});

export class ClaimableOrder extends ClaimableOrderSchema.class {}
ClaimableOrderSchema.setClass(ClaimableOrder);

/** One line of a claimable order: what it paid and the product's status when ordered (coverage). */
export const ClaimableLineSchema = defineEntity({
  name: 'ClaimableLine',
  tableName: 'claimable_line',
  properties: {
    orderId: p.uuid().primary(),
    productId: p.uuid().primary(),
    quantity: p.integer(),
    unitPriceAmount: p.integer(),
    currency: p.string().length(3),
    /** Catalog's status for the product when the order was confirmed; null when catalog had not told us. */
    statusWhenOrdered: p.string().length(32).nullable(),
    releasedAt: p.datetime(3).nullable(),
  },
});

export class ClaimableLine extends ClaimableLineSchema.class {}
ClaimableLineSchema.setClass(ClaimableLine);
