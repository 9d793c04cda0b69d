import { z } from 'zod';
import { topics } from '../../topics.js';
import { catalogReasonMaxLength, releaseEstimateSchema } from './product-status.js';

/**
 * A product's estimated release date changed (usually it slipped): customers
 * with preorders are told. Carries the old estimate (null for the first one) and the new.
 */
export const releaseDateChangedV1 = {
  type: 'catalog.product.release-date-changed',
  version: 1,
  topic: topics.catalogProduct,
  schema: z.object({
    productId: z.uuid(),
    oldEstimate: releaseEstimateSchema.nullable(),
    newEstimate: releaseEstimateSchema,
    reason: z.string().min(1).max(catalogReasonMaxLength),
    /** The staff member who changed it. */
    actorId: z.uuid(),
  }),
} as const;
