import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFixtureStack, type FixtureStack } from './test-support/fixture-stack.js';
import { post } from './test-support/post.js';
import { startTokenIssuer, type TestTokenIssuer } from '@vitrine/testing/token-issuer';

const ordersWithProducts = 'query OrdersWithProducts { orders { id lines { quantity product { id name } } } }';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('gateway over two fixture subgraphs', () => {
  let stack: FixtureStack;
  let issuer: TestTokenIssuer;

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    stack = await startFixtureStack({ AUTH_JWKS_URL: issuer.jwksUrl, AUTH_ISSUER: issuer.issuer });
  });
  afterAll(async () => {
    await stack?.stop();
    await issuer?.stop();
  });

  it('answers a query planned across orders and catalog, forwarding request id and caller token', async () => {
    const token = await issuer.sign({ sub: 'customer-alice' });
    const response = await post(
      stack.gateway.url,
      { query: ordersWithProducts },
      {
        'x-request-id': 'req-e2e-1',
        authorization: `Bearer ${token}`,
      },
    );

    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-e2e-1');
    expect(await response.json()).toEqual({
      data: { orders: [{ id: 'o1', lines: [{ quantity: 3, product: { id: 'p2', name: 'Nendoroid Miku' } }] }] },
    });
    for (const subgraph of [stack.orders, stack.catalog]) {
      expect(subgraph.receivedHeaders.at(-1)).toMatchObject({
        'x-request-id': 'req-e2e-1',
        authorization: `Bearer ${token}`,
      });
    }
  });

  it('gives a request without an id a UUID, the same one the subgraphs see', async () => {
    const response = await post(stack.gateway.url, { query: ordersWithProducts });

    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(uuid);
    expect(stack.orders.receivedHeaders.at(-1)?.['x-request-id']).toBe(requestId);
    expect(stack.catalog.receivedHeaders.at(-1)?.['x-request-id']).toBe(requestId);
    expect(stack.orders.receivedHeaders.at(-1)?.authorization).toBeUndefined();
  });

  it("never passes a subgraph's stack trace, nor the message of an error it did not code, on to the client", async () => {
    const response = await post(stack.gateway.url, { query: '{ failingOrder { id } }' });

    const body = (await response.json()) as { data: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.data).toEqual({ failingOrder: null });
    expect(body.errors[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: response.headers.get('x-request-id') });
    expect(body.errors[0]?.message).toMatch(/^Something went wrong on our side/);
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.(?:js|ts):\d+|on fire|serviceName/);
  });

  it('rejects a malformed body without leaking internals', async () => {
    const response = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('serves GET queries that carry a CSRF preflight header', async () => {
    const url = new URL(stack.gateway.url);
    url.searchParams.set('query', '{ products { id } }');

    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });

    expect(await response.json()).toEqual({ data: { products: [{ id: 'p1' }, { id: 'p2' }] } });
  });

  it('reports itself alive on /health and unknown paths as 404', async () => {
    const base = new URL('/', stack.gateway.url);

    const health = await fetch(new URL('/health', base));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'alive' });
    expect((await fetch(new URL('/nope', base))).status).toBe(404);
  });
});

describe('gateway shutdown', () => {
  it('finishes in-flight requests, then refuses new ones', async () => {
    const stack = await startFixtureStack();
    stack.ordersBehaviour.delayMs = 500;
    try {
      const inFlight = post(stack.gateway.url, { query: ordersWithProducts });
      await vi.waitFor(() => expect(stack.ordersBehaviour.ordersReceived).toBe(1), { timeout: 10_000, interval: 10 });

      const stopped = stack.gateway.stop();
      const response = await inFlight;

      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: unknown }).data).toBeTruthy();
      await stopped;
      await expect(post(stack.gateway.url, { query: '{ __typename }' })).rejects.toThrow();
    } finally {
      await stack.stop();
    }
  });
});
