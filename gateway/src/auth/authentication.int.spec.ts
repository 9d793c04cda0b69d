import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFixtureStack, type FixtureStack } from '../test-support/fixture-stack.js';
import { post } from '../test-support/post.js';
import { createSigningKey, startTokenIssuer, unsignedToken, type TestTokenIssuer } from '@vitrine/testing/token-issuer';

const productsQuery = '{ products { id } }';
const products = { query: productsQuery };
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('access tokens at the gateway', () => {
  let issuer: TestTokenIssuer;
  let stack: FixtureStack;
  const logLines: string[] = [];

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    const log = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
    stack = await startFixtureStack({ AUTH_JWKS_URL: issuer.jwksUrl, AUTH_ISSUER: issuer.issuer }, { log });
  });
  afterAll(async () => {
    await stack?.stop();
    await issuer?.stop();
  });
  afterEach(() => vi.restoreAllMocks());

  it('lets an anonymous caller through, with no authorization for the subgraphs', async () => {
    const response = await post(stack.gateway.url, products);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { products: [{ id: 'p1' }, { id: 'p2' }] } });
    expect(stack.catalog.receivedHeaders.at(-1)?.authorization).toBeUndefined();
  });

  it('forwards a valid token unchanged to the subgraph that runs the query', async () => {
    const authorization = `Bearer ${await issuer.sign({ sub: 'customer-alice' })}`;

    const response = await post(stack.gateway.url, products, { authorization });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { products: [{ id: 'p1' }, { id: 'p2' }] } });
    expect(stack.catalog.receivedHeaders.at(-1)?.authorization).toBe(authorization);
  });

  const expired = () => issuer.sign({ expiresAt: nowSeconds() - 60 });

  it('logs the caller id with the request id, never the token', async () => {
    const token = await issuer.sign({ sub: 'customer-bob' });

    await post(stack.gateway.url, products, { authorization: `Bearer ${token}`, 'x-request-id': 'req-log-1' });
    await post(stack.gateway.url, products, { authorization: `Bearer ${await expired()}`, 'x-request-id': 'req-log-2' });

    const lines = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'request completed', requestId: 'req-log-1', callerId: 'customer-bob', status: 200 }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'access token refused', requestId: 'req-log-2', reason: 'EXPIRED' }));
    expect(logLines.join('')).not.toContain(token.split('.')[2]);
  });

  const refusals: [string, () => Promise<string>, string][] = [
    ['an expired token', async () => `Bearer ${await expired()}`, 'Your session has expired. Please sign in again.'],
    ['a token signed by another key with the same kid', async () => `Bearer ${await issuer.sign({ key: await createSigningKey('key-1') })}`, 'verified'],
    ['a token from another issuer', async () => `Bearer ${await issuer.sign({ issuer: 'someone-else' })}`, 'verified'],
    ['a token for another audience', async () => `Bearer ${await issuer.sign({ audience: 'not-vitrine' })}`, 'verified'],
    [
      'an unsigned token (alg none)',
      async () => `Bearer ${unsignedToken({ sub: 'admin', roles: ['admin'], iss: issuer.issuer, aud: 'vitrine', iat: nowSeconds(), exp: nowSeconds() + 600 })}`,
      'verified',
    ],
    ['a garbage token', async () => 'Bearer not.a.token', 'verified'],
    ['a non-bearer scheme', async () => 'Basic YWxpY2U6c2VjcmV0', 'verified'],
    ['a bearer scheme without a token', async () => 'Bearer ', 'verified'],
  ];

  it.each(refusals)('refuses %s with 401 UNAUTHENTICATED, reaching no subgraph', async (_name, header, message) => {
    const authorization = await header();
    const before = stack.subgraphRequests();

    const response = await post(stack.gateway.url, products, { authorization });

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[]; data?: unknown };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0]?.message).toContain(message === 'verified' ? 'Your sign-in could not be verified. Please sign in again.' : message);
    expect(body.data).toBeUndefined();
    expect(stack.subgraphRequests()).toBe(before);
  });

  it('refuses a bad token on GET requests too', async () => {
    const url = new URL(stack.gateway.url);
    url.searchParams.set('query', productsQuery);
    const before = stack.subgraphRequests();

    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true', authorization: 'Bearer nope' } });

    expect(response.status).toBe(401);
    expect(stack.subgraphRequests()).toBe(before);
  });

  it('accepts a token signed with a newly published key once the JWKS is refetched for its unknown kid', async () => {
    // Prime the cache with the current key.
    expect((await post(stack.gateway.url, products, { authorization: `Bearer ${await issuer.sign()}` })).status).toBe(200);
    const fetchesBefore = issuer.jwksFetches;
    const previous = issuer.keys.at(-1)!;

    const rotated = await issuer.rotate('key-2');
    // jose refetches for an unknown kid at most once per 30 s cooldown (a flood of
    // made-up kids must not hammer accounts): step the clock past it.
    const realNow = Date.now.bind(Date);
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + 31_000);
    const response = await post(stack.gateway.url, products, { authorization: `Bearer ${await issuer.sign({ key: rotated })}` });

    expect(response.status).toBe(200);
    expect(issuer.jwksFetches).toBe(fetchesBefore + 1);
    // Tokens signed with the previous key stay valid while it is still published.
    expect((await post(stack.gateway.url, products, { authorization: `Bearer ${await issuer.sign({ key: previous })}` })).status).toBe(200);
  });
});

describe('when the JWKS cannot be fetched', () => {
  let issuer: TestTokenIssuer;
  let stack: FixtureStack;

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    // The fixture default AUTH_JWKS_URL: nothing listens there.
    stack = await startFixtureStack({ AUTH_ISSUER: issuer.issuer });
  });
  afterAll(async () => {
    await stack?.stop();
    await issuer?.stop();
  });

  it('answers 503 SERVICE_UNAVAILABLE with retry-after, not a 401 that would sign the customer out, reaching no subgraph', async () => {
    const before = stack.subgraphRequests();

    const response = await post(stack.gateway.url, products, { authorization: `Bearer ${await issuer.sign()}` });

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect(await response.json()).toEqual({
      errors: [{ message: 'We cannot check your sign-in right now. Please try again in a moment.', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });
    expect(stack.subgraphRequests()).toBe(before);
  });

  it('still serves anonymous callers', async () => {
    expect((await post(stack.gateway.url, products)).status).toBe(200);
  });
});

describe('client address forwarded to subgraphs', () => {
  let stack: FixtureStack | undefined;
  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
  });

  it('is the socket peer, whatever x-forwarded-for the client sends', async () => {
    stack = await startFixtureStack();

    await post(stack.gateway.url, products, { 'x-forwarded-for': '6.6.6.6' });

    expect(stack.catalog.receivedHeaders.at(-1)?.['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('is the entry a trusted load balancer appended, with TRUST_PROXY_HOPS=1', async () => {
    stack = await startFixtureStack({ TRUST_PROXY_HOPS: '1' });

    // The client forged 6.6.6.6; the load balancer (our socket peer) appended the address it saw.
    await post(stack.gateway.url, products, { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' });

    expect(stack.catalog.receivedHeaders.at(-1)?.['x-forwarded-for']).toBe('203.0.113.7');
  });
});
