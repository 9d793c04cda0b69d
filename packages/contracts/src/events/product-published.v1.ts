import { z } from 'zod';
import { topics } from '../topics.js';
import { moneySchema } from './money.js';

/** A product became orderable (or its orderable facts changed): orders keeps a projection of it. */
export const productPublishedV1 = {
  type: 'catalog.product.published',
  version: 1,
  topic: topics.catalogProduct,
  schema: z.object({
    productId: z.uuid(),
    sku: z.string(),
    name: z.string(),
    price: moneySchema,
  }),
} as const;
