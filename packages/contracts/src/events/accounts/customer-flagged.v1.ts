import { topics } from '../../topics.js';
import { customerFlagChangeSchema } from './customer-flag.js';

/** Staff flagged a customer (e.g. BLOCKED: orders refuses their new orders). */
export const customerFlaggedV1 = {
  type: 'accounts.customer.flagged',
  version: 1,
  topic: topics.accountsCustomer,
  schema: customerFlagChangeSchema,
} as const;
