import { z } from 'zod';
import { topics } from '../../topics.js';
import { catalogReasonMaxLength } from './product-status.js';
import { preorderCloseReasons } from './preorder-terms.js';

/** A product's preorder window closed: on its date, early (sold out, the maker asked, the store decided), or with a status change. */
export const preorderClosedV1 = {
  type: 'catalog.product.preorder-closed',
  version: 1,
  topic: topics.catalogProduct,
  schema: z.object({
    productId: z.uuid(),
    closedAt: z.iso.datetime({ offset: true }),
    reason: z.enum(preorderCloseReasons),
    /** Staff's words, shown to customers when the window closed early. */
    note: z.string().max(catalogReasonMaxLength).nullable(),
  }),
} as const;
