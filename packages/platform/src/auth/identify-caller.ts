import type { IncomingHttpHeaders } from 'node:http';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { createTokenVerifier, type TokenVerifier } from './access-token.js';
import { anonymousCaller, type Caller } from './caller.js';
import { presentedToken, refusalMessage } from './refusal.js';

/**
 * Turns request headers into a Caller this subgraph has verified itself: the
 * gateway checks tokens too, but a subgraph reached directly trusts nothing
 * it cannot verify. No token means an anonymous caller (public reads); a bad
 * token is refused outright rather than silently downgraded.
 */
export type CallerIdentifier = (headers: IncomingHttpHeaders, options?: { isSessionRenewal?: () => boolean }) => Promise<Caller>;

export function createCallerIdentifier(options: { jwksUrl: string; issuer: string }, verify: TokenVerifier = createTokenVerifier(options)): CallerIdentifier {
  return async (headers, { isSessionRenewal = () => false } = {}) => {
    const presented = presentedToken(headers.authorization);
    if (presented.kind === 'anonymous') return anonymousCaller;
    const verdict = presented.kind === 'bearer' ? await verify(presented.token) : ({ ok: false, reason: 'INVALID' } as const);
    if (verdict.ok) return verdict.caller;
    // Signing in or renewing with a stale token still attached: the token is ignored, not refused.
    // Asked only here, for a token that failed: telling a renewal apart parses the request's document.
    if (verdict.reason !== 'UNAVAILABLE' && isSessionRenewal()) return anonymousCaller;
    if (verdict.reason === 'UNAVAILABLE') {
      throw new GraphQLError(refusalMessage(verdict.reason), {
        extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
      });
    }
    throw new GraphQLError(refusalMessage(verdict.reason), {
      // RFC 6750: a 401 names the scheme and why, as the gateway's does.
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer error="invalid_token"']]) } },
    });
  };
}
