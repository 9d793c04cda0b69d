import type { Notice, NoticeFacts, NoticeKind } from './notice.js';
import { notice, type SourceEvent } from './notices-from-events.js';

/**
 * Accounts' own mail (topic accounts.mail.v1): a link with a single-use token
 * (reset the password, verify the address, confirm a new address), or a
 * security notice (the password changed, someone signed up with the address).
 * Each goes to the address in the event, not to the contact notifications
 * remembers: a reset goes where it was asked for, an email change to the new
 * address, and a sign-up's owner may not be known here yet.
 */
export const accountMailKinds = [
  'PASSWORD_RESET_REQUESTED',
  'EMAIL_VERIFICATION_REQUESTED',
  'EMAIL_CHANGE_REQUESTED',
  'PASSWORD_CHANGED',
  'SIGN_UP_REPEATED',
] as const satisfies readonly NoticeKind[];
export type AccountMailKind = (typeof accountMailKinds)[number];

/** The kinds whose facts hold a raw token until the message is sent. */
const linkKinds: ReadonlySet<NoticeKind> = new Set<NoticeKind>(['PASSWORD_RESET_REQUESTED', 'EMAIL_VERIFICATION_REQUESTED', 'EMAIL_CHANGE_REQUESTED']);

export function isAccountMail(kind: string): kind is AccountMailKind {
  return (accountMailKinds as readonly string[]).includes(kind);
}

export function carriesLink(kind: string): boolean {
  return linkKinds.has(kind as NoticeKind);
}

/** What accounts' link events carry (contracts' accountMailFields). */
export interface AccountLink {
  customerId: string;
  email: string;
  token: string;
  expiresAt: string;
}

const linkNotice = (kind: AccountMailKind, event: SourceEvent<AccountLink>): Notice => {
  const { customerId, email, token, expiresAt } = event.data;
  return notice(event, kind, customerId, null, { email, token, expiresAt });
};

export const passwordResetNotice = (event: SourceEvent<AccountLink>): Notice => linkNotice('PASSWORD_RESET_REQUESTED', event);
export const emailVerificationNotice = (event: SourceEvent<AccountLink>): Notice => linkNotice('EMAIL_VERIFICATION_REQUESTED', event);
/** The event's `email` is the new address: the link proves the customer reads it. */
export const emailChangeNotice = (event: SourceEvent<AccountLink>): Notice => linkNotice('EMAIL_CHANGE_REQUESTED', event);

export function passwordChangedNotice(event: SourceEvent<{ customerId: string; email: string; via: 'CHANGE' | 'RESET' }>): Notice {
  const { customerId, email, via } = event.data;
  return notice(event, 'PASSWORD_CHANGED', customerId, null, { email, via });
}

export function signUpRepeatedNotice(event: SourceEvent<{ customerId: string; email: string }>): Notice {
  const { customerId, email } = event.data;
  return notice(event, 'SIGN_UP_REPEATED', customerId, null, { email });
}

/** Where a message goes: an account message to the address its event named, never another; any other to the customer's contact. */
export function recipientOf(kind: string, facts: NoticeFacts, contactEmail: string | null | undefined): string | null {
  if (!isAccountMail(kind)) return contactEmail || null;
  return typeof facts.email === 'string' && facts.email.length > 0 ? facts.email : null;
}

/**
 * Why a link message must not go out (null: it may): its token is no longer
 * kept (scrubbed when it failed for good, so a staff retry cannot send a dead
 * link), or the link has expired, so it would only lead to an error.
 */
export function unsendableLink(kind: string, facts: NoticeFacts, now: Date): string | null {
  if (!carriesLink(kind)) return null;
  if (typeof facts.token !== 'string') return 'LINK_GONE: the link’s token is no longer kept; the customer can ask for a new link';
  if (typeof facts.expiresAt === 'string' && new Date(facts.expiresAt).getTime() <= now.getTime())
    return 'LINK_EXPIRED: the link expired before it could be sent';
  return null;
}

/**
 * An account message's facts without its secret, the raw token: kept only
 * until the message is sent, or until it cannot be any more. The address goes
 * too unless it may still be needed (a security notice that failed for good,
 * which staff may send again): a sent message's `recipient` keeps it, cleared
 * when the account is deleted, as for every message.
 */
export function withoutSecrets(facts: NoticeFacts, options: { keepAddress: boolean }): NoticeFacts {
  const rest = Object.fromEntries(Object.entries(facts).filter(([key]) => key !== 'token' && key !== 'email'));
  return options.keepAddress && facts.email !== undefined ? { ...rest, email: facts.email } : rest;
}
