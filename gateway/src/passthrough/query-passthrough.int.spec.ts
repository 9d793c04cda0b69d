import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureStack, type FixtureStack } from '../test-support/fixture-stack.js';
import { post, postForJson } from '../test-support/post.js';

// The gateway learns a document from Apollo's plan on its first request; from the second on, a document one subgraph
// answers whole reaches that subgraph as the client wrote it. What the subgraph received tells the two paths apart:
// Apollo sends its own rewriting of the query (named `<Operation>__<subgraph>__0`), the passthrough the client's text.
describe('query passthrough', () => {
  let stack: FixtureStack;

  beforeAll(async () => {
    stack = await startFixtureStack({ MAX_QUERY_COST: '60' });
  });
  afterAll(() => stack?.stop());

  /** Sends the request twice (learn, then pass through); returns both answers and what each subgraph received for the second. */
  async function twice(body: Record<string, unknown>, headers: Record<string, string> = {}) {
    const first = await post(stack.gateway.url, body, headers);
    const before = { catalog: stack.catalog.receivedQueries.length, orders: stack.orders.receivedQueries.length };
    const second = await post(stack.gateway.url, body, headers);
    return {
      first: { status: first.status, type: first.headers.get('content-type'), body: await first.json() },
      second: { status: second.status, type: second.headers.get('content-type'), body: await second.json() },
      received: { catalog: stack.catalog.receivedQueries.slice(before.catalog), orders: stack.orders.receivedQueries.slice(before.orders) },
    };
  }

  it('answers a query one subgraph owns as Apollo did, with the client document sent to that subgraph', async () => {
    const query = 'query Names { products { id name } }';

    const { first, second, received } = await twice({ query, operationName: 'Names' });

    expect(second).toEqual(first);
    expect(second.body).toEqual({
      data: {
        products: [
          { id: 'p1', name: 'Saber 1/7 scale' },
          { id: 'p2', name: 'Nendoroid Miku' },
        ],
      },
    });
    expect(second.type).toBe('application/json; charset=utf-8');
    expect(received).toEqual({ catalog: [query], orders: [] });
  });

  it('passes on the caller headers a subgraph reads, and nothing else of the client', async () => {
    const query = '{ products { name } }';
    await post(stack.gateway.url, { query });
    const before = stack.catalog.receivedHeaders.length;

    const answer = await post(stack.gateway.url, { query }, { 'x-request-id': 'req-passthrough-1', 'x-forwarded-for': '203.0.113.9', cookie: 'secret=1' });

    expect(answer.status).toBe(200);
    expect(stack.catalog.receivedQueries.at(-1)).toBe(query);
    const [headers] = stack.catalog.receivedHeaders.slice(before);
    expect(headers?.['x-request-id']).toBe('req-passthrough-1');
    // The gateway trusts no proxy here: the client's own claim is replaced by the socket's address.
    expect(headers?.['x-forwarded-for']).toBe('127.0.0.1');
    expect(headers?.cookie).toBeUndefined();
    expect(answer.headers.get('x-request-id')).toBe('req-passthrough-1');
  });

  it('keeps the variables the client sent, and answers per request', async () => {
    const query = 'query One($id: ID!) { product(id: $id) { name } }';
    await post(stack.gateway.url, { query, variables: { id: 'p1' } });

    const answer = await postForJson(stack.gateway.url, { query, variables: { id: 'p2' } });

    expect(answer.body).toEqual({ data: { product: { name: 'Nendoroid Miku' } } });
    expect(stack.catalog.receivedQueries.at(-1)).toBe(query);
  });

  it('never passes on a query that needs a second subgraph', async () => {
    const query = '{ orders { lines { quantity product { name } } } }';

    const { first, second, received } = await twice({ query });

    expect(second).toEqual(first);
    expect(second.body).toEqual({ data: { orders: [{ lines: [{ quantity: 3, product: { name: 'Nendoroid Miku' } }] }] } });
    expect(received.orders).toHaveLength(1);
    expect(received.orders[0]).not.toBe(query);
    expect(received.catalog).toHaveLength(1);
  });

  it('leaves introspection to the gateway, which describes the supergraph', async () => {
    const query = '{ __schema { queryType { fields { name } } } products { id } }';

    const { first, second, received } = await twice({ query });

    expect(second).toEqual(first);
    const fields = (second.body as { data: { __schema: { queryType: { fields: { name: string }[] } } } }).data.__schema.queryType.fields;
    expect(fields.map((f) => f.name)).toContain('orders');
    expect(received.catalog).not.toContain(query);
  });

  it('sends an answer with errors through Apollo, masked and with its reference as always', async () => {
    const query = '{ failingOrder { id } }';

    const { first, second, received } = await twice({ query });

    expect(second.status).toBe(first.status);
    const errorOf = (body: unknown) => (body as { errors: { message: string; extensions: { code: string; requestId?: string } }[] }).errors[0]!;
    expect(errorOf(second.body).extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(errorOf(second.body).message).toBe(errorOf(first.body).message);
    expect(errorOf(second.body).message).not.toMatch(/fire/);
    expect(typeof errorOf(second.body).extensions.requestId).toBe('string');
    expect(second.body).toMatchObject({ data: { failingOrder: null } });
    // Tried as the client wrote it, then once more by Apollo, whose answer the client got.
    expect(received.orders).toHaveLength(2);
    expect(received.orders[0]).toBe(query);
    expect(received.orders[1]).not.toBe(query);
  });

  it('checks the variables against the supergraph types before anything reaches a subgraph', async () => {
    const query = 'query Checked($id: ID!) { product(id: $id) { id } }';
    await post(stack.gateway.url, { query, variables: { id: 'p1' } });
    const before = stack.subgraphRequests();

    const answer = await postForJson(stack.gateway.url, { query, variables: { id: { not: 'an id' } } });

    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.body.data).toBeUndefined();
    expect(stack.subgraphRequests()).toBe(before);
  });

  it('weighs each request with its own variables: a page size past the cost limit is refused', async () => {
    const query = 'query Page($n: Int) { products(first: $n) { id name } }';
    const small = await postForJson(stack.gateway.url, { query, variables: { n: 1 } });
    expect(small.body).toEqual({ data: { products: [{ id: 'p1', name: 'Saber 1/7 scale' }] } });
    const before = stack.subgraphRequests();

    const large = await postForJson(stack.gateway.url, { query, variables: { n: 1000 } });

    expect(large.status).toBe(400);
    expect(large.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(stack.subgraphRequests()).toBe(before);
  });

  it('leaves a request with extensions to Apollo: a persisted-query hash that does not match the text is refused', async () => {
    const query = '{ products { id name } }';
    await post(stack.gateway.url, { query });
    const before = stack.subgraphRequests();

    const answer = await postForJson(stack.gateway.url, { query, extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } });

    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(answer.body.errors?.[0]?.message).toMatch(/sha256Hash/);
    expect(stack.subgraphRequests()).toBe(before);
  });

  it('leaves the answer to Apollo when the client asks for the GraphQL media type', async () => {
    const query = '{ products { id } }';
    await post(stack.gateway.url, { query });

    const answer = await post(stack.gateway.url, { query }, { accept: 'application/graphql-response+json' });

    expect(answer.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(stack.catalog.receivedQueries.at(-1)).not.toBe(query);
  });

  it('tells a learned query apart from the same text with another operation chosen', async () => {
    const query = 'query A { products { id } } query B { orders { id } }';
    await post(stack.gateway.url, { query, operationName: 'A' });

    const answer = await postForJson(stack.gateway.url, { query, operationName: 'B' });

    expect(answer.body).toEqual({ data: { orders: [{ id: 'o1' }] } });
    // The document holds an operation catalog cannot answer: never passed on whole, whichever is chosen.
    expect(stack.catalog.receivedQueries).not.toContain(query);
    expect(stack.orders.receivedQueries).not.toContain(query);
  });
});

describe('query passthrough, switched off or with its subgraph gone', () => {
  it('sends every request through Apollo when QUERY_PASSTHROUGH=off', async () => {
    const stack = await startFixtureStack({ QUERY_PASSTHROUGH: 'off' });
    try {
      const query = '{ products { id } }';
      await post(stack.gateway.url, { query });
      await post(stack.gateway.url, { query });

      expect(stack.catalog.receivedQueries).toHaveLength(2);
      expect(stack.catalog.receivedQueries).not.toContain(query);
    } finally {
      await stack.stop();
    }
  });

  it('answers SERVICE_UNAVAILABLE, as Apollo does, once the subgraph stops answering', async () => {
    const stack = await startFixtureStack();
    try {
      const query = '{ products { id } }';
      await post(stack.gateway.url, { query });
      await post(stack.gateway.url, { query });
      expect(stack.catalog.receivedQueries.at(-1)).toBe(query);
      await stack.catalog.stop();

      const answer = await postForJson(stack.gateway.url, { query });

      expect(answer.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await stack.stop().catch(() => undefined);
    }
  });
});
