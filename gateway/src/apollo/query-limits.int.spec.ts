import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureStack, type FixtureStack } from '../test-support/fixture-stack.js';
import { postForJson } from '../test-support/post.js';

describe('query limits', () => {
  let stack: FixtureStack;

  beforeAll(async () => {
    // The fixture schema is shallow: lower limits make its deepest and costliest queries exceed them.
    stack = await startFixtureStack({
      MAX_QUERY_DEPTH: '3',
      MAX_QUERY_COST: '60',
      MAX_QUERY_DIRECTIVES: '3',
      MAX_BODY_BYTES: '20000',
    });
  });
  afterAll(() => stack?.stop());

  /** Runs a document that must be refused before planning: no subgraph may see it. */
  async function expectRefused(body: unknown, status: number, code: string, message: RegExp) {
    const before = stack.subgraphRequests();
    const result = await postForJson(stack.gateway.url, body);
    expect(result.status).toBe(status);
    expect(result.body.data).toBeUndefined();
    expect(result.body.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.body.errors?.[0]?.message).toMatch(message);
    expect(stack.subgraphRequests()).toBe(before);
  }

  it('runs a query within every limit', async () => {
    const result = await postForJson(stack.gateway.url, { query: '{ orders { lines { quantity } } }' });

    expect(result.status).toBe(200);
    expect(result.body).toEqual({ data: { orders: [{ lines: [{ quantity: 3 }] }] } });
  });

  it('refuses a query deeper than MAX_QUERY_DEPTH', async () => {
    // A document that parsed is not a "Syntax Error" (graphql-armor's prefix is dropped).
    await expectRefused({ query: '{ orders { lines { product { id } } } }' }, 400, 'GRAPHQL_VALIDATION_FAILED', /^Query depth limit of 3 exceeded, found 4\.$/);
  });

  it('counts depth through fragments as the fields they select', async () => {
    await expectRefused(
      { query: '{ orders { ...Lines } } fragment Lines on Order { lines { product { id } } }' },
      400,
      'GRAPHQL_VALIDATION_FAILED',
      /depth limit of 3 exceeded, found 4/,
    );
  });

  it('refuses an alias flood (more than 15 aliases)', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `p${i}: products { id }`).join(' ');

    await expectRefused({ query: `{ ${aliases} }` }, 400, 'GRAPHQL_VALIDATION_FAILED', /Aliases limit of 15 exceeded, found 16/);
  });

  it('refuses a query costlier than MAX_QUERY_COST', async () => {
    // Each costs 2 (object) + 1.5 x (1 (id) + 1.5 x (2 + 1.5 x 1)) = 8.75: ten of them, 87.5.
    const fields = Array.from({ length: 10 }, (_, i) => `o${i}: orders { id lines { quantity } }`).join(' ');
    await expectRefused({ query: `{ ${fields} }` }, 400, 'GRAPHQL_VALIDATION_FAILED', /^Query cost limit of 60 exceeded, found 87.5\.$/);
  });

  it('refuses more directives than MAX_QUERY_DIRECTIVES', async () => {
    await expectRefused(
      { query: '{ products @include(if: true) @skip(if: false) @include(if: true) @skip(if: false) { id } }' },
      400,
      'GRAPHQL_VALIDATION_FAILED',
      /Directives limit of 3 exceeded, found 4/,
    );
  });

  it('stops parsing a document of more than 2000 tokens', async () => {
    // Valid, cheap and shallow (repeated fields merge): only its length is wrong.
    const query = `{ products { ${'id '.repeat(2000)} } }`;

    await expectRefused({ query }, 400, 'GRAPHQL_PARSE_FAILED', /2000 tokens\. Parsing aborted/);
  });

  it('refuses a body larger than MAX_BODY_BYTES with 413', async () => {
    await expectRefused({ query: '{ products { id } }', variables: { padding: 'x'.repeat(20_000) } }, 413, 'PAYLOAD_TOO_LARGE', /exceeds 20000 bytes/);
  });

  it('refuses a batch of operations', async () => {
    const before = stack.subgraphRequests();
    const result = await postForJson(stack.gateway.url, [{ query: '{ products { id } }' }, { query: '{ products { id } }' }]);

    expect(result.status).toBe(400);
    expect(stack.subgraphRequests()).toBe(before);
  });
});

describe('query limits at their defaults', () => {
  let stack: FixtureStack;

  beforeAll(async () => {
    stack = await startFixtureStack();
  });
  afterAll(() => stack?.stop());

  it("let GraphiQL's introspection query through in development", async () => {
    const result = await postForJson(stack.gateway.url, { query: getIntrospectionQuery() });

    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    expect(JSON.stringify(result.body.data)).toContain('"name":"Product"');
  });
});
