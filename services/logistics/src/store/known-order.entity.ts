import { defineEntity, p } from '@mikro-orm/core';

/** Where an order's units are held: a warehouse, or the preorder pool (null) until they arrive. */
export interface HeldUnits {
  productId: string;
  warehouseId: string | null;
  quantity: number;
}

/**
 * What logistics knows of an order before it ships: its customer and policy
 * version (OrderConfirmed), where catalog holds its units (StockReserved,
 * ProductArrived), and what it has paid (payments' events). Events of
 * different topics come in any order: every column but the id may be null.
 */
export const KnownOrderSchema = defineEntity({
  name: 'KnownOrder',
  tableName: 'known_order',
  checks: [{ name: 'known_order_paid_not_negative', expression: 'paid_amount >= 0' }],
  properties: {
    orderId: p.uuid().primary(),
    customerId: p.uuid().nullable(),
    kind: p.string().length(16).nullable(),
    policyVersion: p.integer().nullable(),
    units: p.json<HeldUnits[]>().nullable(),
    currency: p.string().length(3).nullable(),
    /** Captured for it, less refunds issued (minor units). */
    paidAmount: p.integer().default(0),
  },
});

export class KnownOrder extends KnownOrderSchema.class {}
KnownOrderSchema.setClass(KnownOrder);
