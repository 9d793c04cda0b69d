import { z } from 'zod';
import { topics } from '../../topics.js';
import { accountMailFields } from './account-mail.js';

/** A new account (or its owner) asks to prove the email address: send the verification link. */
export const emailVerificationRequestedV1 = {
  type: 'accounts.email-verification.requested',
  version: 1,
  topic: topics.accountsMail,
  schema: z.object(accountMailFields),
} as const;
