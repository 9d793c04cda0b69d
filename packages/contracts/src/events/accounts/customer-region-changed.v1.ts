import { z } from 'zod';
import { countryCodeSchema } from '../../countries.js';
import { topics } from '../../topics.js';

/**
 * A customer moved: their country of residence (where orders ship, which
 * region blocks apply) changed. Only allowed while they have no open order.
 */
export const customerRegionChangedV1 = {
  type: 'accounts.customer.region-changed',
  version: 1,
  topic: topics.accountsCustomer,
  schema: z.object({
    customerId: z.uuid(),
    from: countryCodeSchema,
    to: countryCodeSchema,
  }),
} as const;
