import type { FieldProblem } from '@vitrine/platform/domain';
import { isCountryCode, isPlausibleEmail, normaliseEmail } from '@vitrine/contracts';
import { checkDisplayName } from './display-name.js';

/** The ID-token claims accounts reads (OIDC Core 2 and 5.1). */
export interface IdTokenClaims {
  sub?: string;
  aud?: string | string[];
  azp?: unknown;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
}

/**
 * OIDC Core 3.1.3.7: with several audiences the token must name us as the
 * authorized party; when `azp` is present it must be us.
 */
export function isAuthorizedParty(claims: IdTokenClaims, clientId: string): boolean {
  if (claims.azp !== undefined) return claims.azp === clientId;
  return !Array.isArray(claims.aud) || claims.aud.length <= 1;
}

/**
 * The email the provider vouches for, normalised, or null. An unverified
 * `email` is anyone's claim (some providers let users type any address), so
 * it never creates or links an account. Some providers send "true" as a string.
 */
export function verifiedEmailOf(claims: IdTokenClaims): string | null {
  if (claims.email_verified !== true && claims.email_verified !== 'true') return null;
  if (typeof claims.email !== 'string') return null;
  const email = normaliseEmail(claims.email);
  return isPlausibleEmail(email) ? email : null;
}

export const defaultExternalDisplayName = 'Customer';

/** The provider's `name` when it fits our display-name rules, else a neutral default the customer can change. */
export function displayNameFrom(claims: IdTokenClaims): string {
  const name = typeof claims.name === 'string' ? claims.name.trim() : '';
  return name && checkDisplayName(name).length === 0 ? name : defaultExternalDisplayName;
}

export type ExternalSignInDecision =
  | { kind: 'sign-in'; customerId: string }
  | { kind: 'link'; customerId: string }
  | { kind: 'create'; email: string; country: string }
  | { kind: 'email-not-verified' }
  | { kind: 'needs-country'; problems: FieldProblem[] };

export interface ExternalSignInFacts {
  /** The account this provider + subject is already bound to. */
  linkedCustomerId: string | null;
  verifiedEmail: string | null;
  /** An existing account with the verified email. */
  accountWithEmail: string | null;
  /** Asked for on the first sign-in only (creating the account). */
  country: string | null | undefined;
}

/**
 * First sign-in with an identity: link it to the account with the same
 * verified email, or create an account (which needs a country of residence).
 * Later sign-ins follow the link, whatever the email has become since.
 */
export function decideExternalSignIn(facts: ExternalSignInFacts): ExternalSignInDecision {
  if (facts.linkedCustomerId) return { kind: 'sign-in', customerId: facts.linkedCustomerId };
  if (!facts.verifiedEmail) return { kind: 'email-not-verified' };
  if (facts.accountWithEmail) return { kind: 'link', customerId: facts.accountWithEmail };
  const country = facts.country?.trim().toUpperCase() ?? '';
  if (!country) {
    return {
      kind: 'needs-country',
      problems: [
        {
          field: 'country',
          reason: 'REQUIRED',
          message: 'This is your first sign-in: choose your country of residence (a two-letter ISO code such as JP, US or FR).',
        },
      ],
    };
  }
  if (!isCountryCode(country)) {
    return {
      kind: 'needs-country',
      problems: [{ field: 'country', reason: 'UNKNOWN_COUNTRY', message: 'Choose your country of residence (a two-letter ISO code such as JP, US or FR).' }],
    };
  }
  return { kind: 'create', email: facts.verifiedEmail, country };
}
