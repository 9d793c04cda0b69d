import { z } from 'zod';
import { topics } from '../../topics.js';
import { catalogReasonMaxLength, productStatusSchema } from './product-status.js';

/** Staff moved a product from one status to another (only moves catalog allows). */
export const productStatusChangedV1 = {
  type: 'catalog.product.status-changed',
  version: 1,
  topic: topics.catalogProduct,
  schema: z.object({
    productId: z.uuid(),
    from: productStatusSchema,
    to: productStatusSchema,
    reason: z.string().min(1).max(catalogReasonMaxLength),
    /** The staff member who changed it. */
    actorId: z.uuid(),
  }),
} as const;
