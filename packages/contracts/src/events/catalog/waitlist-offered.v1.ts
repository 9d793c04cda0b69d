import { z } from 'zod';
import { topics } from '../../topics.js';

/**
 * Units of a sold-out limited run came back (a cancelled or expired order)
 * and are held for the customer first on its waitlist until `expiresAt`:
 * only their order can take them. Unused, they pass to the next customer
 * waiting (`catalog.product.waitlist-offer-ended`, EXPIRED).
 */
export const waitlistOfferedV1 = {
  type: 'catalog.product.waitlist-offered',
  version: 1,
  topic: topics.catalogProduct,
  schema: z.object({
    offerId: z.uuid(),
    customerId: z.uuid(),
    productId: z.uuid(),
    quantity: z.number().int().positive(),
    offeredAt: z.iso.datetime({ offset: true }),
    expiresAt: z.iso.datetime({ offset: true }),
  }),
} as const;
