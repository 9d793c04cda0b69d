import { loadConfig as loadGatewayConfig, startGateway, subgraphUrlVariable, subgraphs, type RunningGateway } from '@vitrine/gateway';
import { gql, type GraphQLResponse } from '@vitrine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './support/stack.js';

/** Issue #17's bugs, each one request, through the gateway (development and production) and straight to subgraphs. */
let stack: TestStack;
let production: RunningGateway;
const gateways = () => [
  ['development', stack.gateway!.url],
  ['production', production.url],
];

beforeAll(async () => {
  stack = await startTestStack({ label: 'hardening', gateway: true });
  const urls = Object.fromEntries(subgraphs.map((s) => [subgraphUrlVariable(s.name), stack[s.name].url]));
  const auth = { AUTH_JWKS_URL: new URL('/.well-known/jwks.json', stack.accounts.url).href };
  production = await startGateway(loadGatewayConfig({ PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'production', ...auth, ...urls }));
});
afterAll(async () => {
  await production?.stop();
  await stack?.stop();
});

/** Nothing about how the gateway reached a subgraph may reach a client. */
function expectNoTransportDetail(res: GraphQLResponse) {
  const text = JSON.stringify(res.errors ?? []);
  expect(text).not.toMatch(/127\.0\.0\.1|localhost|"response"|"url"|serviceName|stacktrace|Bad Request/);
}

const closingBefore = `query($d: DateTimeISO) { products(filter: { preorderClosingBefore: $d }) { totalCount } }`;

describe('dates a client sends (bugs 1 and 3)', () => {
  it.each([['yesterday'], ['0000-01-01T00:00:00Z'], ['2027-02-30T00:00:00Z'], ['+275760-09-13T00:00:00Z']])(
    'refuses %j as BAD_USER_INPUT without transport details, in every mode and straight to catalog',
    async (value) => {
      for (const [, url] of [...gateways(), ['catalog', stack.catalog.url]]) {
        const res = await gql(url!, closingBefore, { d: value });
        expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(res.data?.products ?? null).toBeNull();
        expectNoTransportDetail(res);
      }
    },
  );

  it('still answers a valid date', async () => {
    const res = await gql(stack.gateway!.url, closingBefore, { d: '2030-01-01T00:00:00Z' });
    expect(res.errors).toBeUndefined();
  });
});

describe('text length limits come first (bug 2)', () => {
  it('refuses an over-long login email as BAD_USER_INPUT, before any hashing or recording', async () => {
    const email = `${'a'.repeat(300)}@example.com`;
    const before = await stack.accounts.orm.em.fork().getConnection().execute('select count(*)::int as n from accounts.login_attempt');
    for (const [, url] of gateways()) {
      const res = await gql(url!, `mutation($e: String!) { login(email: $e, password: "Whatever-1!") { accessToken } }`, { e: email });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'email', reason: 'maxLength' }] });
    }
    const after = await stack.accounts.orm.em.fork().getConnection().execute('select count(*)::int as n from accounts.login_attempt');
    expect(after).toEqual(before);
  });
});

describe('query cost is computed with the variables (bug 4)', () => {
  const selection = '{ edges { node { id name sku studio { id name country } price { amount currency } } } }';
  it('refuses first: $n exactly as it refuses the literal', async () => {
    const literal = await gql(stack.gateway!.url, `{ products(first: 100) ${selection} }`);
    expect(literal.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const variable = await gql(stack.gateway!.url, `query($n: Int) { products(first: $n) ${selection} }`, { n: 100 });
    expect(variable.status).toBe(400);
    expect(variable.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(variable.errors?.[0]?.message).toMatch(/^Query cost limit of 5000 exceeded/);
    const defaulted = await gql(stack.gateway!.url, `query($n: Int = 100) { products(first: $n) ${selection} }`);
    expect(defaulted.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const small = await gql(stack.gateway!.url, `query($n: Int) { products(first: $n) ${selection} }`, { n: 5 });
    expect(small.errors).toBeUndefined();
  });
});

describe('subgraphs reached directly (bug 7)', () => {
  it('answer a bad token with 401 and WWW-Authenticate, like the gateway', async () => {
    const res = await fetch(stack.catalog.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });
});

describe('a stale token attached to a sign-in (bug 7)', () => {
  const stale = { authorization: 'Bearer eyJhbGciOiJFUzI1NiJ9.eyJleHAiOjF9.c2ln' };
  it('does not block login or refreshSession, through the gateway or straight to accounts', async () => {
    const login = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { refreshToken } }`;
    for (const url of [stack.gateway!.url, stack.accounts.url]) {
      const signedIn = await gql(url, login, { e: 'admin@vitrine.test', p: 'Admin-Pa55word!' }, stale);
      expect(signedIn.errors).toBeUndefined();
      const renewed = await gql(
        url,
        `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`,
        { t: signedIn.data.login.refreshToken },
        stale,
      );
      expect(renewed.errors).toBeUndefined();
    }
  });

  it('still refuses it anywhere else with 401', async () => {
    for (const url of [stack.gateway!.url, stack.accounts.url]) {
      const res = await gql(url, '{ me { id } }', {}, stale);
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
