import { z } from 'zod';
import { topics } from '../topics.js';

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2');

/**
 * A customer moved: their country of residence (where orders ship, which
 * regional blocks apply) changed. Only allowed while they have no open order.
 */
export const customerRegionChangedV1 = {
  type: 'accounts.customer.region-changed',
  version: 1,
  topic: topics.accountsCustomer,
  schema: z.object({
    customerId: z.uuid(),
    from: countryCode,
    to: countryCode,
  }),
} as const;
