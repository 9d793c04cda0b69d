import { z } from 'zod';
import { topics } from '../../topics.js';
import { accountMailFields } from './account-mail.js';

/** A signed-in customer asked to move their account to a new address: send the confirmation link to the new address (`email`). */
export const emailChangeRequestedV1 = {
  type: 'accounts.email-change.requested',
  version: 1,
  topic: topics.accountsMail,
  schema: z.object(accountMailFields),
} as const;
