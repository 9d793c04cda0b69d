import { z } from 'zod';
import { topics } from '../../topics.js';

/**
 * A customer deleted their account: accounts erased their personal data and
 * nobody can sign in to it again. Services holding anything about this
 * customer erase or anonymise it. The id only: there is nothing else to say.
 */
export const customerDeletedV1 = {
  type: 'accounts.customer.deleted',
  version: 1,
  topic: topics.accountsCustomer,
  schema: z.object({
    customerId: z.uuid(),
  }),
} as const;
