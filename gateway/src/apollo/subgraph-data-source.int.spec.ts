import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GatewayContext } from './gateway-context.js';
import { subgraphDataSource, subgraphUnreachableMessage } from './subgraph-data-source.js';

// How the gateway asks a subgraph for its part of a plan, against a real HTTP server that answers what each path
// says: what is sent (body, headers, the replica picked), and what a success, a refusal, a failure and silence
// become for Apollo's plan execution.

interface Received {
  readonly url: string | undefined;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: unknown;
}

let server: http.Server;
let base: string;
let received: Received[] = [];

const answers: Record<string, (res: http.ServerResponse) => void> = {
  '/ok': (res) => json(res, 200, { data: { product: { name: 'Saber' } }, errors: [{ message: 'Stock unknown.', path: ['product', 'stock'] }] }),
  '/graphql-response': (res) => json(res, 200, { data: { ok: true } }, 'application/graphql-response+json; charset=utf-8'),
  '/refuse': (res) => json(res, 400, { errors: [{ message: 'That id is not an id.', extensions: { code: 'BAD_USER_INPUT', field: 'id' } }] }),
  '/unauthenticated': (res) => json(res, 401, { errors: [{ message: 'Your session has expired.', extensions: { code: 'UNAUTHENTICATED' } }] }),
  '/fail': (res) => json(res, 500, { errors: [{ message: 'relation "product" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
  '/garbled': (res) => json(res, 400, '{"errors": [', 'application/json'),
  '/text': (res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('hello');
  },
};

function json(res: http.ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ url: req.url, headers: req.headers, body: JSON.parse(body) });
      (answers[req.url ?? ''] ?? answers['/ok']!)(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received = [];
});

const context: GatewayContext = { requestId: 'req-42', authorization: 'Bearer abc', clientAddress: '203.0.113.9', log: pino({ level: 'silent' }) };

function operation(extra: Partial<GraphQLDataSourceProcessOptions<GatewayContext>['request']> = {}): GraphQLDataSourceProcessOptions<GatewayContext> {
  return {
    kind: 'incoming operation',
    request: { query: 'query Product($id: ID!) { product(id: $id) { name } }', variables: { id: 'p1' }, operationName: 'Product', ...extra },
    incomingRequestContext: {},
    context,
  } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>;
}

const ask = (path: string, options = operation()) => subgraphDataSource(`${base}/unused`, () => `${base}${path}`).process(options);

async function errorOf(promise: Promise<unknown>): Promise<GraphQLError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  return error as GraphQLError;
}

describe("a subgraph's data source", () => {
  it('posts the query, variables and operation name as JSON to the replica picked, with the caller headers', async () => {
    const response = await ask('/ok');
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request!.url).toBe('/ok');
    expect(request!.body).toEqual({ query: 'query Product($id: ID!) { product(id: $id) { name } }', variables: { id: 'p1' }, operationName: 'Product' });
    expect(request!.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer abc',
      'x-request-id': 'req-42',
      'x-forwarded-for': '203.0.113.9',
    });
    // Data and field errors as the subgraph wrote them: Apollo's plan execution places them.
    expect(response).toEqual({ data: { product: { name: 'Saber' } }, errors: [{ message: 'Stock unknown.', path: ['product', 'stock'] }] });
  });

  it("sends Apollo's own headers for the fetch (a trace request) and reads the GraphQL response media type", async () => {
    const response = await ask(
      '/graphql-response',
      operation({ http: { method: 'POST', url: '', headers: new Headers({ 'Apollo-Federation-Include-Trace': 'ftv1' }) } as never }),
    );
    expect(received[0]!.headers['apollo-federation-include-trace']).toBe('ftv1');
    expect(response).toEqual({ data: { ok: true } });
  });

  it('sends no caller headers for a health check', async () => {
    await subgraphDataSource(`${base}/ok`).process({
      kind: 'health check',
      request: { query: 'query __ApolloServiceHealthCheck__ { __typename }' },
      context: {},
    } as never);
    expect(received[0]!.headers).not.toHaveProperty('authorization');
    expect(received[0]!.headers).not.toHaveProperty('x-request-id');
    expect(received[0]!.headers).not.toHaveProperty('x-forwarded-for');
  });

  it("passes on a subgraph's refusal of the whole request as its own first error, without the transport's details", async () => {
    const refused = await errorOf(ask('/refuse'));
    expect(refused.message).toBe('That id is not an id.');
    expect(refused.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    const expired = await errorOf(ask('/unauthenticated'));
    expect(expired.message).toBe('Your session has expired.');
    expect(expired.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(JSON.stringify([refused, expired])).not.toContain(base);
  });

  it('leaves a server error, or a refusal it cannot read, without a code (the formatter masks it, the log keeps it)', async () => {
    const failed = await errorOf(ask('/fail'));
    expect(failed.message).toBe('subgraph answered 500');
    expect(failed.extensions['code']).toBeUndefined();
    expect(failed.extensions['response']).toMatchObject({ status: 500 });
    const garbled = await errorOf(ask('/garbled'));
    expect(garbled.message).toBe('subgraph answered 400');
    expect(garbled.extensions['code']).toBeUndefined();
  });

  it('refuses an answer that is not a JSON object', async () => {
    await expect(ask('/text')).rejects.toThrow(/Expected JSON response body, but received: hello/);
  });

  it('is SERVICE_UNAVAILABLE when nothing answers, or when no replica is ready (then nothing is sent)', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await errorOf(subgraphDataSource(`http://127.0.0.1:${port}/graphql`).process(operation()));
    expect(refused.message).toBe(subgraphUnreachableMessage);
    expect(refused.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(refused.originalError?.message).toMatch(/ECONNREFUSED/);

    const noReplica = await errorOf(subgraphDataSource(`${base}/ok`, () => undefined).process(operation()));
    expect(noReplica.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(received).toHaveLength(0);
  });
});
