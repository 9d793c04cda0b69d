import { z } from 'zod';
import { topics } from '../../topics.js';

/** An order was placed (status PENDING until catalog answers its stock request). */
export const orderPlacedV1 = {
  type: 'orders.order.placed',
  version: 1,
  topic: topics.ordersOrder,
  schema: z.object({
    orderId: z.uuid(),
    /** The customer who placed it (added within v1: absent on events from before it existed). */
    customerId: z.uuid().optional(),
    lines: z.array(z.object({ productId: z.uuid(), quantity: z.number().int().positive() })).min(1),
  }),
} as const;
