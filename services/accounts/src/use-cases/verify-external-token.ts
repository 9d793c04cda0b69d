import { BadUserInput, ServiceUnavailable, Unauthenticated } from '@vitrine/platform';
import type { AccountsRuntime } from '../config/accounts-runtime.js';
import type { IdTokenClaims } from '../domain/external-identity.js';

export type VerifiedClaims = IdTokenClaims & { sub: string; iat?: number; auth_time?: unknown };

/**
 * The claims of an ID token from a configured provider, once verified
 * (security/id-token-verifier); otherwise the caller's error: unknown
 * provider (BAD_USER_INPUT), bad or expired token (UNAUTHENTICATED), provider
 * unreachable (SERVICE_UNAVAILABLE).
 */
export async function verifyExternalToken(runtime: AccountsRuntime, provider: string, idToken: string): Promise<VerifiedClaims> {
  const verify = runtime.externalProviders.get(provider);
  if (!verify) {
    const known = [...runtime.externalProviders.keys()].join(', ') || 'none';
    throw new BadUserInput(`"${provider.slice(0, 32)}" is not a sign-in provider here.`, [
      { field: 'provider', reason: 'UNKNOWN_PROVIDER', message: `Sign-in providers: ${known}.` },
    ]);
  }
  const verdict = await verify(idToken);
  if (verdict.ok) return verdict.claims as VerifiedClaims;
  if (verdict.reason === 'UNAVAILABLE') {
    throw new ServiceUnavailable(`We cannot reach ${provider} right now. Please try again in a moment.`);
  }
  throw new Unauthenticated(
    verdict.reason === 'EXPIRED'
      ? `Your ${provider} sign-in has expired. Please sign in again.`
      : `Your ${provider} sign-in could not be verified. Please sign in again.`,
  );
}
