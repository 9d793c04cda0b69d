import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import type { TokenVerdict } from './access-token.js';
import { anonymousCaller } from './caller.js';
import { createCallerIdentifier } from './identify-caller.js';

// The verifier is given its verdict (access-token.unit.spec.ts covers the verification itself): what is decided here
// is what a subgraph makes of it, and that the request's document is only parsed for a token that failed.
const identifierWith = (verdict: TokenVerdict) => createCallerIdentifier({ jwksUrl: 'http://127.0.0.1:1/jwks', issuer: 'test' }, async () => verdict);
const bearer = { authorization: 'Bearer header.payload.signature' };

async function refusalOf(promise: Promise<unknown>): Promise<GraphQLError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  return error as GraphQLError;
}

describe('a subgraph identifying its caller', () => {
  it('takes a verified token, without looking at the request', async () => {
    const isSessionRenewal = vi.fn(() => true);
    const caller = await identifierWith({ ok: true, caller: { id: 'c-1', roles: ['customer'], scopes: [] } })(bearer, { isSessionRenewal });
    expect(caller.id).toBe('c-1');
    expect(isSessionRenewal).not.toHaveBeenCalled();
  });

  it('lets a sign-in or renewal with a stale token through as anonymous, and refuses anything else with it', async () => {
    const identify = identifierWith({ ok: false, reason: 'EXPIRED' });
    expect(await identify(bearer, { isSessionRenewal: () => true })).toEqual(anonymousCaller);
    const refused = await refusalOf(identify(bearer, { isSessionRenewal: () => false }));
    expect(refused.extensions['code']).toBe('UNAUTHENTICATED');
    expect((await refusalOf(identify(bearer))).extensions['code']).toBe('UNAUTHENTICATED');
  });

  it('answers SERVICE_UNAVAILABLE when the keys cannot be fetched, renewal or not, without looking at the request', async () => {
    const isSessionRenewal = vi.fn(() => true);
    const refused = await refusalOf(identifierWith({ ok: false, reason: 'UNAVAILABLE' })(bearer, { isSessionRenewal }));
    expect(refused.extensions['code']).toBe('SERVICE_UNAVAILABLE');
    expect(isSessionRenewal).not.toHaveBeenCalled();
  });

  it('treats no token as anonymous', async () => {
    expect(await identifierWith({ ok: false, reason: 'INVALID' })({})).toEqual(anonymousCaller);
  });
});
