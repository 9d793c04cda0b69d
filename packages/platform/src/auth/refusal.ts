import { bearerToken } from './access-token.js';

/** Why a presented token was refused: the gateway and every subgraph word these the same way. */
export type RefusalReason = 'EXPIRED' | 'INVALID' | 'UNAVAILABLE';

/** What a customer reads when their token is refused: EXPIRED and INVALID end in signing in again, UNAVAILABLE (keys unreachable) in retrying. */
export function refusalMessage(reason: RefusalReason): string {
  if (reason === 'UNAVAILABLE') return 'We cannot check your sign-in right now. Please try again in a moment.';
  return reason === 'EXPIRED' ? 'Your session has expired. Please sign in again.' : 'Your sign-in could not be verified. Please sign in again.';
}

/**
 * Reads an Authorization header. No header (or an empty one) is an anonymous
 * caller; anything but a well-formed bearer token is refused as INVALID rather
 * than downgraded to anonymous, so a client learns its session is gone.
 */
export function presentedToken(
  header: string | undefined,
): { readonly kind: 'anonymous' } | { readonly kind: 'bearer'; readonly token: string } | { readonly kind: 'malformed' } {
  if (header === undefined || header === '') return { kind: 'anonymous' };
  const token = bearerToken(header);
  return token === undefined ? { kind: 'malformed' } : { kind: 'bearer', token };
}
