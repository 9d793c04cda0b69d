import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError } from 'graphql';
import { bearerToken, createTokenVerifier, type TokenVerifier } from './access-token.js';
import { anonymousCaller, type Caller } from './caller.js';

/**
 * Turns request headers into a Caller this subgraph has verified itself: the
 * gateway checks tokens too, but a subgraph reached directly trusts nothing
 * it cannot verify. No token means an anonymous caller (public reads); a bad
 * token is refused outright rather than silently downgraded.
 */
export type CallerIdentifier = (headers: IncomingHttpHeaders) => Promise<Caller>;

export function createCallerIdentifier(options: { jwksUrl: string; issuer: string }, verify: TokenVerifier = createTokenVerifier(options)): CallerIdentifier {
  return async (headers) => {
    const header = headers.authorization;
    if (header === undefined || header === '') return anonymousCaller;
    const token = bearerToken(header);
    const verdict = token ? await verify(token) : ({ ok: false, reason: 'INVALID' } as const);
    if (verdict.ok) return verdict.caller;
    if (verdict.reason === 'UNAVAILABLE') {
      throw new GraphQLError('We cannot check your sign-in right now. Please try again in a moment.', {
        extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
      });
    }
    throw new GraphQLError(
      verdict.reason === 'EXPIRED'
        ? 'Your session has expired. Please sign in again.'
        : 'Your sign-in could not be verified. Please sign in again.',
      { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } },
    );
  };
}
