import { z } from 'zod';
import { topics } from '../../topics.js';

/** Units held for an order went back to where they came from (the order was cancelled or expired). */
export const stockReleasedV1 = {
  type: 'catalog.stock.released',
  version: 1,
  topic: topics.catalogStock,
  schema: z.object({
    orderId: z.uuid(),
    lines: z.array(z.object({ productId: z.uuid(), quantity: z.number().int().positive() })),
    /** The order status that released it: CANCELLED or EXPIRED today. */
    reason: z.string(),
  }),
} as const;
