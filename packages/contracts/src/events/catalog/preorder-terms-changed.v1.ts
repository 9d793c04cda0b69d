import { z } from 'zod';
import { topics } from '../../topics.js';
import { catalogReasonMaxLength } from './product-status.js';
import { preorderTermsSchema } from './preorder-terms.js';

/**
 * An open campaign's terms changed: a window extended at the
 * maker's request, a limited run enlarged, another payment plan for later
 * orders. It says nothing about orders already placed: consumers keep the
 * terms each preorder was placed under.
 */
export const preorderTermsChangedV1 = {
  type: 'catalog.product.preorder-terms-changed',
  version: 1,
  topic: topics.catalogProduct,
  schema: preorderTermsSchema.extend({
    reason: z.string().min(1).max(catalogReasonMaxLength),
    actorId: z.uuid(),
  }),
} as const;
