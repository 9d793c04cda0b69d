import { defineEntity, p } from '@mikro-orm/core';
import { paymentPurposes, type PaymentPurpose } from '@vitrine/contracts';
import { dueStatuses, type DueStatus } from '../domain/order-snapshot.js';
import { OrderSchema } from './order.entity.js';

/**
 * Something an order owes, as announced to payments (PaymentDue, `id` is the
 * dueId). Settled by PaymentSucceeded, void when the order ends. At most one
 * live due per order and purpose: one balance notice per order, whatever
 * catalog sends twice.
 */
export const OrderDueSchema = defineEntity({
  name: 'OrderDue',
  tableName: 'order_due',
  checks: [
    { name: 'order_due_status_known', expression: `status in (${dueStatuses.map((v) => `'${v}'`).join(', ')})` },
    { name: 'order_due_purpose_known', expression: `purpose in (${paymentPurposes.map((v) => `'${v}'`).join(', ')})` },
    { name: 'order_due_amount_positive', expression: 'goods_amount >= 0 and shipping_amount >= 0 and goods_amount + shipping_amount > 0' },
  ],
  properties: {
    id: p.uuid().primary(),
    // Indexed: an order's lines and dues are loaded by it on every step of its life (unindexed, each load read the whole table).
    order: () => p.manyToOne(OrderSchema).deleteRule('cascade').index(),
    purpose: p.string().length(24).$type<PaymentPurpose>(),
    goodsAmount: p.integer(),
    shippingAmount: p.integer(),
    /** Store clock; null: due at once (checkout). */
    dueAt: p.datetime(3).nullable(),
    collect: p.string().length(16).$type<'CUSTOMER' | 'STORED_METHOD'>(),
    status: p.string().length(8).$type<DueStatus>(),
    /** The rule that set the deadline, for the customer. */
    ruleText: p.string().length(500).nullable(),
    paidAt: p.datetime(3).nullable(),
    paymentId: p.uuid().nullable(),
    /** The last failed charge's reason (customer-readable), e.g. charge at ship. */
    lastFailure: p.string().length(300).nullable(),
    createdAt: p.datetime(3).onCreate(() => new Date()),
  },
  uniques: [{ name: 'order_due_one_live_per_purpose', properties: ['order', 'purpose'], where: `status <> 'VOID'` }],
});

export class OrderDue extends OrderDueSchema.class {}
OrderDueSchema.setClass(OrderDue);

/** Its columns as plain data (a row read to render it, or the entity itself): every property but its relations. */
export type OrderDueFields = { readonly [K in keyof OrderDue as K extends string ? (K extends 'order' ? never : K) : never]: OrderDue[K] };
