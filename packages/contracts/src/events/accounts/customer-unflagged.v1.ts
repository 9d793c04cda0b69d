import { topics } from '../../topics.js';
import { customerFlagChangeSchema } from './customer-flag.js';

/** Staff lifted a flag from a customer. */
export const customerUnflaggedV1 = {
  type: 'accounts.customer.unflagged',
  version: 1,
  topic: topics.accountsCustomer,
  schema: customerFlagChangeSchema,
} as const;
