import type { FieldProblem } from '@vitrine/platform/domain';
import type { IdTokenClaims } from './external-identity.js';
import { reauthenticationMaxAgeSeconds } from './reauthentication.js';

/**
 * The ways into an account: its password and the external identities bound to
 * it. A customer adds and removes them from their account page; the rules here
 * keep every account reachable by its owner and every identity on one account.
 */

/**
 * How long the proof given before linking (password, or a fresh sign-in with a
 * bound identity) stays good while the customer signs in at the new provider:
 * the same window as any other proof of identity.
 */
export const identityLinkTicketLifetimeSeconds = reauthenticationMaxAgeSeconds;

const identityLabelMaxLength = 254;

/**
 * What the customer sees naming an identity on their account page: the email
 * the provider gave, else the name, else nothing. Only a label: the sign-in
 * follows the subject, never this.
 */
export function identityLabelFrom(claims: IdTokenClaims): string | null {
  for (const value of [claims.email, claims.name]) {
    const text = typeof value === 'string' ? value.trim() : '';
    if (text) return text.slice(0, identityLabelMaxLength);
  }
  return null;
}

export type IdentityLinkDecision =
  { kind: 'link' } | { kind: 'already-linked' } | { kind: 'refused'; rule: 'IDENTITY_LINKED_TO_ANOTHER_ACCOUNT' | 'PROVIDER_ALREADY_LINKED'; message: string };

export interface IdentityLinkFacts {
  customerId: string;
  provider: string;
  /** The account this provider + subject is bound to, if any. */
  boundTo: string | null;
  /** Whether this account already holds another identity at the same provider. */
  accountHasProvider: boolean;
}

/**
 * An identity belongs to one account (it signs in there): one bound elsewhere
 * is refused, never moved, since whoever owns that account did not ask. One
 * identity per provider on an account keeps "Unlink <provider>" unambiguous.
 */
export function decideIdentityLink(facts: IdentityLinkFacts): IdentityLinkDecision {
  if (facts.boundTo === facts.customerId) return { kind: 'already-linked' };
  if (facts.boundTo) {
    return {
      kind: 'refused',
      rule: 'IDENTITY_LINKED_TO_ANOTHER_ACCOUNT',
      message: `This ${facts.provider} account already signs in to another account here, so it cannot be added to yours. Sign in with it to use that account, or pick another ${facts.provider} account.`,
    };
  }
  if (facts.accountHasProvider) {
    return {
      kind: 'refused',
      rule: 'PROVIDER_ALREADY_LINKED',
      message: `Your account already has a ${facts.provider} sign-in. Remove it first to use another ${facts.provider} account.`,
    };
  }
  return { kind: 'link' };
}

export type IdentityUnlinkDecision =
  { ok: true } | { ok: false; kind: 'unknown'; problems: FieldProblem[] } | { ok: false; kind: 'last-method'; rule: 'LAST_SIGN_IN_METHOD'; message: string };

export interface IdentityUnlinkFacts {
  hasPassword: boolean;
  /** The ids of the identities bound to this account. */
  identityIds: readonly string[];
  target: string;
}

/** An identity comes off only if the account keeps another way in: a password or another identity. */
export function decideIdentityUnlink(facts: IdentityUnlinkFacts): IdentityUnlinkDecision {
  if (!facts.identityIds.includes(facts.target)) {
    return {
      ok: false,
      kind: 'unknown',
      problems: [{ field: 'id', reason: 'UNKNOWN_IDENTITY', message: 'This sign-in is not one of your account’s (it may have been removed already).' }],
    };
  }
  if (!facts.hasPassword && facts.identityIds.length === 1) {
    return {
      ok: false,
      kind: 'last-method',
      rule: 'LAST_SIGN_IN_METHOD',
      message: 'This is your only way to sign in. Set a password or add another sign-in first, then remove this one.',
    };
  }
  return { ok: true };
}

export type PasswordSetupDecision = { ok: true } | { ok: false; rule: 'PASSWORD_ALREADY_SET'; message: string };

/** Setting a first password is for accounts without one; changing one asks for the current password instead. */
export function decidePasswordSetup(hasPassword: boolean): PasswordSetupDecision {
  if (!hasPassword) return { ok: true };
  return { ok: false, rule: 'PASSWORD_ALREADY_SET', message: 'Your account already has a password. Change it instead (your current password is asked).' };
}
