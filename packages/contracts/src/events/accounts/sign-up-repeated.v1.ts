import { z } from 'zod';
import { topics } from '../../topics.js';

/**
 * Someone signed up with an email that already has an account. The sign-up
 * answers as for a new account (it does not reveal which emails have one);
 * tell the owner instead, at this address: "if it was you, sign in or reset
 * your password".
 */
export const signUpRepeatedV1 = {
  type: 'accounts.sign-up.repeated',
  version: 1,
  topic: topics.accountsMail,
  schema: z.object({ customerId: z.uuid(), email: z.string().max(254) }),
} as const;
