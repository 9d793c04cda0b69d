import { z } from 'zod';
import { countryCodeSchema } from '../../countries.js';
import { topics } from '../../topics.js';

/**
 * A customer account was created. Ids and facts only: the email and display
 * name are personal data and stay in accounts (ask accounts through the graph).
 * `country` is the region the customer orders from, which other services
 * need to apply region blocks without calling accounts.
 */
export const customerRegisteredV1 = {
  type: 'accounts.customer.registered',
  version: 1,
  topic: topics.accountsCustomer,
  schema: z.object({
    customerId: z.uuid(),
    country: countryCodeSchema,
  }),
} as const;
