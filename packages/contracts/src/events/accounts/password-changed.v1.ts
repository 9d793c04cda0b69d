import { z } from 'zod';
import { topics } from '../../topics.js';

/** An account's password changed (by its owner, or through a reset link); every other session was ended. Tell the owner, at this address. */
export const passwordChangedV1 = {
  type: 'accounts.password.changed',
  version: 1,
  topic: topics.accountsMail,
  schema: z.object({ customerId: z.uuid(), email: z.string().max(254), via: z.enum(['CHANGE', 'RESET']) }),
} as const;
