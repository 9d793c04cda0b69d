import { topics } from '../../topics.js';
import { preorderTermsSchema } from './preorder-terms.js';

/** A product's preorder window opened (now, or at its scheduled time), with the terms it sells under. */
export const preorderOpenedV1 = {
  type: 'catalog.product.preorder-opened',
  version: 1,
  topic: topics.catalogProduct,
  schema: preorderTermsSchema,
} as const;
