import { z } from 'zod';
import { topics } from '../../topics.js';
import { waitlistOfferOutcomes } from './product-interest.js';

/** A waitlist offer ended: the customer's order took the units, the offer expired, or the customer withdrew. */
export const waitlistOfferEndedV1 = {
  type: 'catalog.product.waitlist-offer-ended',
  version: 1,
  topic: topics.catalogProduct,
  schema: z.object({
    offerId: z.uuid(),
    customerId: z.uuid(),
    productId: z.uuid(),
    outcome: z.enum(waitlistOfferOutcomes),
    /** The order that took the units (TAKEN only). */
    orderId: z.uuid().nullable(),
    at: z.iso.datetime({ offset: true }),
  }),
} as const;
