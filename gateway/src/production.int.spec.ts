import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureStack, type FixtureStack } from './test-support/fixture-stack.js';
import { postForJson } from './test-support/post.js';

const html = { accept: 'text/html,application/xhtml+xml' };
const misspelled = '{ products { id nme } }';

describe('in production', () => {
  let stack: FixtureStack;
  let origin: URL;

  beforeAll(async () => {
    stack = await startFixtureStack({ NODE_ENV: 'production' });
    origin = new URL('/', stack.gateway.url);
  });
  afterAll(() => stack?.stop());

  it('refuses introspection before execution', async () => {
    for (const query of [getIntrospectionQuery(), '{ __type(name: "Product") { fields { name } } }']) {
      const result = await postForJson(stack.gateway.url, { query });

      expect(result.status).toBe(400);
      expect(result.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.body.errors?.[0]?.message).toMatch(/introspection is not allowed/);
      expect(result.body.data).toBeUndefined();
    }
  });

  it('still answers __typename', async () => {
    expect((await postForJson(stack.gateway.url, { query: '{ __typename }' })).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('gives no field suggestions that would reveal the schema', async () => {
    const result = await postForJson(stack.gateway.url, { query: misspelled });

    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.message).toBe('Cannot query field "nme" on type "Product".');
    expect(JSON.stringify(result.body)).not.toMatch(/Did you mean/);
  });

  it('does not serve GraphiQL', async () => {
    for (const path of ['/', '/graphiql/graphiql.min.js', '/graphiql/boot.js']) {
      expect((await fetch(new URL(path, origin), { headers: html })).status, path).toBe(404);
    }
    // A browser on /graphql gets a GraphQL answer, not the IDE.
    const response = await fetch(new URL('/graphql', origin), { headers: html });
    expect(response.headers.get('content-type')).not.toMatch(/text\/html/);
    expect(await response.text()).not.toContain('<div id="graphiql">');
  });
});

describe('in production with GRAPHIQL=on', () => {
  let stack: FixtureStack;

  beforeAll(async () => {
    stack = await startFixtureStack({ NODE_ENV: 'production', GRAPHIQL: 'on' });
  });
  afterAll(() => stack?.stop());

  it('serves GraphiQL, while introspection stays off', async () => {
    const response = await fetch(new URL('/', stack.gateway.url), { headers: html });

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="graphiql">');
    expect((await postForJson(stack.gateway.url, { query: getIntrospectionQuery() })).status).toBe(400);
  });
});

describe('in development', () => {
  let stack: FixtureStack;

  beforeAll(async () => {
    stack = await startFixtureStack({ NODE_ENV: 'development' });
  });
  afterAll(() => stack?.stop());

  it('keeps suggestions, which help while writing queries', async () => {
    const result = await postForJson(stack.gateway.url, { query: misspelled });

    expect(result.body.errors?.[0]?.message).toBe('Cannot query field "nme" on type "Product". Did you mean "name"?');
  });
});
