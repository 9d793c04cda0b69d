import { z } from 'zod';
import { topics } from '../topics.js';

export const orderPlacedV1 = {
  type: 'orders.order.placed',
  version: 1,
  topic: topics.ordersOrder,
  schema: z.object({
    orderId: z.uuid(),
    lines: z
      .array(z.object({ productId: z.uuid(), quantity: z.number().int().positive() }))
      .min(1),
  }),
} as const;
