import { z } from 'zod';
import { topics } from '../../topics.js';

export const stockRejectedV1 = {
  type: 'catalog.stock.rejected',
  version: 1,
  topic: topics.catalogStock,
  schema: z.object({
    orderId: z.uuid(),
    /** PRODUCT_NOT_ORDERABLE (added within v1): a product's status no longer takes orders when catalog decided. */
    reason: z.enum(['INSUFFICIENT_STOCK', 'UNKNOWN_PRODUCT', 'PRODUCT_NOT_ORDERABLE']),
    /** The lines that could not be served, with what was available when checked. */
    shortLines: z.array(z.object({ productId: z.uuid(), requested: z.number().int(), available: z.number().int() })),
  }),
} as const;
