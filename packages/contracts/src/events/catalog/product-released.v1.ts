import { z } from 'zod';
import { topics } from '../../topics.js';

/**
 * The maker released the product: preorders for it can now be charged their
 * balance and shipped. Emitted with the ProductStatusChanged that moved it to RELEASED.
 */
export const productReleasedV1 = {
  type: 'catalog.product.released',
  version: 1,
  topic: topics.catalogProduct,
  schema: z.object({
    productId: z.uuid(),
    releasedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
