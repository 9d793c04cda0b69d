import { isPlausibleEmail, normaliseEmail } from '@vitrine/contracts';
import type { FieldProblem } from '@vitrine/platform/domain';
import { identityLinkTicketLifetimeSeconds } from './sign-in-methods.js';

/**
 * Emailed links, and IDENTITY_LINK: the ticket a signed-in customer gets for
 * proving it is them before linking an external identity (never emailed).
 */
export type AccountTokenPurpose = 'PASSWORD_RESET' | 'EMAIL_VERIFICATION' | 'EMAIL_CHANGE' | 'IDENTITY_LINK';

/** How long each emailed link works, as data: short, because the raw token travels in an email. */
export const accountTokenLifetimesSeconds: Readonly<Record<AccountTokenPurpose, number>> = {
  PASSWORD_RESET: 30 * 60,
  EMAIL_VERIFICATION: 48 * 60 * 60,
  EMAIL_CHANGE: 60 * 60,
  IDENTITY_LINK: identityLinkTicketLifetimeSeconds,
};

/** At most this many links of one purpose are emailed to one account per hour, however often they are asked for (no inbox flooding). */
export const maxAccountMailsPerHour = 3;

export type AccountTokenVerdict = 'VALID' | 'UNKNOWN' | 'USED' | 'EXPIRED' | 'WRONG_PURPOSE';

/** Whether a presented emailed token may be used now: known, for this purpose, unused and unexpired. */
export function judgeAccountToken(token: { purpose: string; usedAt?: Date | null; expiresAt: Date } | null, purpose: string, now: Date): AccountTokenVerdict {
  if (!token) return 'UNKNOWN';
  if (token.purpose !== purpose) return 'WRONG_PURPOSE';
  if (token.usedAt) return 'USED';
  if (token.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return 'VALID';
}

/** What the link's user is told when the token cannot be used: an unknown token (or one for another purpose) and a used one read alike. */
export function unusableLinkProblem(verdict: Exclude<AccountTokenVerdict, 'VALID'>, field = 'token'): FieldProblem {
  return verdict === 'EXPIRED'
    ? { field, reason: 'LINK_EXPIRED', message: 'This link has expired. Ask for a new one.' }
    : { field, reason: 'LINK_INVALID', message: 'This link is not valid (it may have been used already). Ask for a new one.' };
}

/** Whether another link of this purpose may be emailed, given how many were sent in the last hour. */
export function mayEmailAnotherLink(sentInLastHour: number): boolean {
  return sentInLastHour < maxAccountMailsPerHour;
}

export type EmailChangeCheck = { ok: true; email: string } | { ok: false; problems: FieldProblem[] };

/** The address a customer asks to move to: plausible, and not the one they have. */
export function checkEmailChange(currentEmail: string, requested: string): EmailChangeCheck {
  const email = normaliseEmail(requested);
  if (!isPlausibleEmail(email)) {
    return { ok: false, problems: [{ field: 'newEmail', reason: 'INVALID_EMAIL', message: 'Enter a valid email address, like name@example.com.' }] };
  }
  if (email === currentEmail) {
    return { ok: false, problems: [{ field: 'newEmail', reason: 'SAME_EMAIL', message: 'This is already your email address.' }] };
  }
  return { ok: true, email };
}
