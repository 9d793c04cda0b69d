import { z } from 'zod';
import { topics } from '../../topics.js';

export const stockReservedV1 = {
  type: 'catalog.stock.reserved',
  version: 1,
  topic: topics.catalogStock,
  schema: z.object({
    orderId: z.uuid(),
    lines: z.array(z.object({ productId: z.uuid(), quantity: z.number().int().positive() })),
  }),
} as const;
