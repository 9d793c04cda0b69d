import { z } from 'zod';

/**
 * What an account email needs to be written: who, to which address, and the
 * link's single-use token. Accounts stores only the token's SHA-256; the raw
 * token travels in this event, on its own topic (accounts.mail.v1), for the
 * notifications service alone to put in the link. Risk: whoever can read that
 * topic can use a token until it expires or is used (at most the TTL in
 * `expiresAt`); restrict the topic to the notifications service, keep TTLs
 * short, and never log payloads.
 */
export const accountMailFields = {
  customerId: z.uuid(),
  /** The address to write to (for an email change: the new one). */
  email: z.string().max(254),
  token: z.string().min(32).max(128),
  expiresAt: z.iso.datetime(),
};
