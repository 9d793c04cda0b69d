import { presentedToken, type RefusalReason, type TokenVerifier } from '@vitrine/platform/auth';

export type Authentication =
  /** `callerId` is null for an anonymous caller; `authorization` is forwarded to subgraphs unchanged. */
  { readonly ok: true; readonly callerId: string | null; readonly authorization: string | undefined } | { readonly ok: false; readonly reason: RefusalReason };

export type Authenticator = (header: string | undefined) => Promise<Authentication>;

/**
 * Decides who is calling before anything runs. No header is an anonymous
 * caller (subgraphs decide per field what anonymous callers may see); a header
 * that is not a valid, current Vitrine bearer token is refused outright rather
 * than downgraded to anonymous, so a client learns its session is gone.
 * The wording of a refusal is platform's `refusalMessage`, shared with the subgraphs.
 */
export function createAuthenticator(verify: TokenVerifier): Authenticator {
  return async (header) => {
    const presented = presentedToken(header);
    if (presented.kind === 'anonymous') return { ok: true, callerId: null, authorization: undefined };
    if (presented.kind === 'malformed') return { ok: false, reason: 'INVALID' };
    const verdict = await verify(presented.token);
    if (!verdict.ok) return { ok: false, reason: verdict.reason };
    return { ok: true, callerId: verdict.caller.id, authorization: header };
  };
}
