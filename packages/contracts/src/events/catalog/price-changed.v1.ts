import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { catalogReasonMaxLength } from './product-status.js';

/**
 * Staff changed a product's price (tax included). Orders already placed keep
 * the price they were placed at; later orders use the new one (catalog also
 * re-publishes ProductPublished with it). The currency never changes.
 */
export const priceChangedV1 = {
  type: 'catalog.product.price-changed',
  version: 1,
  topic: topics.catalogProduct,
  schema: z.object({
    productId: z.uuid(),
    oldPrice: moneySchema,
    newPrice: moneySchema,
    reason: z.string().min(1).max(catalogReasonMaxLength),
    /** The staff member who changed it. */
    actorId: z.uuid(),
  }),
} as const;
