import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { shippingAddressSchema } from './order-terms.js';

/** Paid (or charged) and ready for the warehouse and logistics: what to ship, where, and the shipping the customer paid for. */
export const readyToFulfilV1 = {
  type: 'orders.order.ready-to-fulfil',
  version: 1,
  topic: topics.ordersOrder,
  schema: z.object({
    orderId: z.uuid(),
    customerId: z.uuid(),
    lines: z.array(z.object({ productId: z.uuid(), quantity: z.number().int().positive() })).min(1),
    shippingAddress: shippingAddressSchema.nullable(),
    shippingMethod: z.string().max(40).nullable(),
    shippingPaid: moneySchema,
  }),
} as const;
