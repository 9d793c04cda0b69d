import { z } from 'zod';
import { topics } from '../../topics.js';
import { accountMailFields } from './account-mail.js';

/** Someone asked to reset the password of an account with this email: send the reset link (only to that address). */
export const passwordResetRequestedV1 = {
  type: 'accounts.password-reset.requested',
  version: 1,
  topic: topics.accountsMail,
  schema: z.object(accountMailFields),
} as const;
