import { bearerToken, type TokenVerifier } from '@vitrine/platform/auth';

export type Authentication =
  /** `callerId` is null for an anonymous caller; `authorization` is forwarded to subgraphs unchanged. */
  | { readonly ok: true; readonly callerId: string | null; readonly authorization: string | undefined }
  | { readonly ok: false; readonly reason: 'EXPIRED' | 'INVALID' | 'UNAVAILABLE' };

export type Authenticator = (header: string | undefined) => Promise<Authentication>;

/**
 * Decides who is calling before anything runs. No header is an anonymous
 * caller (subgraphs decide per field what anonymous callers may see); a header
 * that is not a valid, current Vitrine bearer token is refused outright rather
 * than downgraded to anonymous, so a client learns its session is gone.
 */
export function createAuthenticator(verify: TokenVerifier): Authenticator {
  return async (header) => {
    if (header === undefined || header === '') return { ok: true, callerId: null, authorization: undefined };
    const token = bearerToken(header);
    if (token === undefined) return { ok: false, reason: 'INVALID' };
    const verdict = await verify(token);
    if (!verdict.ok) return { ok: false, reason: verdict.reason };
    return { ok: true, callerId: verdict.caller.id, authorization: header };
  };
}

/** What a customer reads when their token is refused: EXPIRED and INVALID end in signing in again, UNAVAILABLE (keys unreachable) in retrying. */
export function refusalMessage(reason: 'EXPIRED' | 'INVALID' | 'UNAVAILABLE'): string {
  if (reason === 'UNAVAILABLE') return 'We cannot check your sign-in right now. Please try again in a moment.';
  return reason === 'EXPIRED'
    ? 'Your session has expired. Please sign in again.'
    : 'Your sign-in could not be verified. Please sign in again.';
}
