import { defineEntity, p } from '@mikro-orm/core';
import { orderKinds, orderPaymentPlans, type OrderKind, type OrderPaymentPlan, type ShippingAddress } from '@vitrine/contracts';
import type { OpenCancellationRight } from '../domain/order-snapshot.js';
import type { DueAtOrder } from '../domain/payment-terms.js';
import { orderStatuses, type OrderStatus } from '../domain/order-status.js';
import { OrderDueSchema } from './order-due.entity.js';
import { OrderLineSchema } from './order-line.entity.js';

/** How an order ended (cancelled or expired): who, why, and the money the policy decided. */
export interface OrderOutcome {
  kind: 'CANCELLED' | 'EXPIRED';
  by: 'CUSTOMER' | 'STAFF' | 'SYSTEM';
  reason: string;
  /** Kept by the store (fee, forfeited deposit, non-refundable down payment). */
  kept: number;
  refund: number;
  rule: { id: string; text: string };
  feesWaived: boolean;
  countsTowardAbuse: boolean;
  /** ISO instant, store clock. */
  at: string;
}

const listed = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const OrderSchema = defineEntity({
  name: 'Order',
  tableName: 'customer_order',
  checks: [
    { name: 'customer_order_status_known', expression: `status in (${listed(orderStatuses)})` },
    { name: 'customer_order_kind_known', expression: `kind in (${listed(orderKinds)})` },
    { name: 'customer_order_payment_plan_known', expression: `payment_plan in (${listed(orderPaymentPlans)})` },
    {
      name: 'customer_order_amounts_valid',
      expression:
        'total_amount >= 0 and deposit_amount >= 0 and shipping_estimate_amount >= 0 and down_payment_amount >= 0 and down_payment_amount <= total_amount',
    },
  ],
  properties: {
    id: p.uuid().primary(),
    /** The customer who placed it: only they (or staff with orders:manage) may see it. */
    customerId: p.uuid().index(),
    status: p.string().length(32).$type<OrderStatus>(),
    statusReason: p.string().nullable(),
    /** The goods, tax included (shipping apart). */
    totalAmount: p.integer(),
    currency: p.string().length(3),
    /** The checkout that created it (one checkout makes one order per kind). */
    checkoutId: p.uuid().nullable().index(),
    kind: p.string().length(16).$type<OrderKind>(),
    paymentPlan: p.string().length(16).$type<OrderPaymentPlan>(),
    /** The store policy version it is judged by, for its whole life. */
    policyVersion: p.integer(),
    /** The deposit its terms set (the base of deposit fees); 0 outside deposit plans. */
    depositAmount: p.integer().default(0),
    /** What of the payment at order is never refunded (product or flag down payment). */
    downPaymentAmount: p.integer().default(0),
    shippingEstimateAmount: p.integer().default(0),
    shippingMethod: p.string().length(40).nullable(),
    /** Logistics' rate card version the estimate came from. */
    shippingRateVersion: p.integer().nullable(),
    shippingAddress: p.json<ShippingAddress>().nullable(),
    /** The customer's region when ordering (where it ships). */
    customerCountry: p.string().length(2).nullable(),
    /** Charge at ship: the stored method (payments) charged when the shipping date is fixed. */
    paymentMethodId: p.uuid().nullable(),
    /** Store clock instants of its life; null until reached. */
    placedAt: p.datetime(3),
    firstPaidAt: p.datetime(3).nullable(),
    releasedAt: p.datetime(3).nullable(),
    arrivedAtWarehouseAt: p.datetime(3).nullable(),
    /** Country of the warehouse its units reached (ProductArrived): deadlines from then on count its business days. */
    warehouseCountry: p.string().length(2).nullable(),
    shippingDateConfirmedAt: p.datetime(3).nullable(),
    processedAt: p.datetime(3).nullable(),
    shippedAt: p.datetime(3).nullable(),
    deliveredAt: p.datetime(3).nullable(),
    trackingNumber: p.string().length(80).nullable(),
    /** A right to cancel opened by a product change, while it lasts. */
    cancellationRight: p.json<OpenCancellationRight>().nullable(),
    /** The customer asked to cancel where staff decide (STAFF_REVIEW). */
    cancellationRequestedAt: p.datetime(3).nullable(),
    /** What checkout decided is due once the items are held (announced then); null: nothing until release, arrival or shipping. */
    payAtOrder: p.json<DueAtOrder>().nullable(),
    outcome: p.json<OrderOutcome>().nullable(),
    lines: () => p.oneToMany(OrderLineSchema).mappedBy('order').orderBy({ position: 'asc' }),
    dues: () => p.oneToMany(OrderDueSchema).mappedBy('order').orderBy({ createdAt: 'asc' }),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  indexes: [{ name: 'customer_order_status_placed_at_index', properties: ['status', 'placedAt'] }],
});

export class Order extends OrderSchema.class {}
OrderSchema.setClass(Order);

/** Its columns as plain data (a row read to render it, or the entity itself): every property but its relations. */
export type OrderFields = { readonly [K in keyof Order as K extends string ? (K extends 'lines' | 'dues' ? never : K) : never]: Order[K] };
