import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { paymentPurposes } from '../shared/payment-purpose.js';
import { orderKinds, orderPaymentPlans } from './order-terms.js';

/** Catalog held the order's units: the order is accepted under the terms it records (what the confirmation email says). */
export const orderConfirmedV1 = {
  type: 'orders.order.confirmed',
  version: 1,
  topic: topics.ordersOrder,
  schema: z.object({
    orderId: z.uuid(),
    customerId: z.uuid(),
    kind: z.enum(orderKinds),
    paymentPlan: z.enum(orderPaymentPlans),
    /** The store policy version the order is judged by, for its whole life. */
    policyVersion: z.number().int().positive(),
    lines: z.array(z.object({ productId: z.uuid(), quantity: z.number().int().positive(), unitPrice: moneySchema })).min(1),
    goodsTotal: moneySchema,
    shippingEstimate: moneySchema,
    /** What the customer pays next, if anything is due now or on a known event. */
    nextPayment: z.object({ purpose: z.enum(paymentPurposes), amount: moneySchema, dueAt: z.iso.datetime({ offset: true }).nullable() }).nullable(),
  }),
} as const;
