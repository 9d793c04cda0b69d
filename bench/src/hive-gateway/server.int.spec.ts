import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startTokenIssuer, type TestTokenIssuer } from '@vitrine/testing/token-issuer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHiveGatewayServer } from './server.js';

// The committed supergraph the bench gives both gateways.
const supergraphPath = fileURLToPath(new URL('../../../gateway/supergraph.graphql', import.meta.url));

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

/**
 * A stand-in catalog: answers every fetch with one product, `delayMs` late, and remembers what the gateway sent it,
 * so the test sees the requests and headers that reached the subgraph.
 */
function fakeCatalog() {
  const received: IncomingHttpHeaders[] = [];
  const catalog = { server: createServer(), received, delayMs: 0 };
  catalog.server.on('request', (req, res) => {
    received.push(req.headers);
    req.resume();
    req.on('end', () =>
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { products: { edges: [{ node: { id: 'p-1', name: 'Sencha' } }] } } }));
      }, catalog.delayMs),
    );
  });
  return catalog;
}

describe('the Hive Gateway of the bench', () => {
  const catalog = fakeCatalog();
  let issuer: TestTokenIssuer;
  let gateway: Server;
  let url: string;

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    const catalogUrl = await listen(catalog.server);
    gateway = await createHiveGatewayServer(
      { host: '127.0.0.1', port: 0, workers: 1, supergraphPath, auth: { jwksUrl: issuer.jwksUrl, issuer: issuer.issuer } },
      { SUBGRAPH_CATALOG_URL: `${catalogUrl}/graphql` },
    );
    url = `${await listen(gateway)}/graphql`;
  });
  afterAll(async () => {
    gateway?.closeAllConnections();
    await new Promise((resolve) => gateway?.close(resolve));
    catalog.server.closeAllConnections();
    await new Promise((resolve) => catalog.server.close(resolve));
    await issuer?.stop();
  });
  beforeEach(() => {
    catalog.received.length = 0;
    catalog.delayMs = 0;
  });

  const products = (headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ products(first: 1) { edges { node { id name } } } }' }),
    });

  it('reaches the subgraph at SUBGRAPH_<NAME>_URL, anonymous callers without an authorization header', async () => {
    const res = await products();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { products: { edges: [{ node: { id: 'p-1', name: 'Sencha' } }] } } });
    expect(catalog.received).toHaveLength(1);
    expect(catalog.received[0]!.authorization).toBeUndefined();
  });

  it('verifies a customer token and forwards the header unchanged, as our gateway does', async () => {
    const alice = await issuer.customer();
    const res = await products(alice.headers);
    expect(res.status).toBe(200);
    expect(catalog.received.map((h) => h.authorization)).toEqual([alice.headers.authorization]);
  });

  it('refuses a bad or expired token with our codes before any subgraph is asked', async () => {
    const forged = await products({ authorization: `Bearer ${(await issuer.customer()).token.slice(0, -4)}AAAA` });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({
      errors: [{ message: 'Your sign-in could not be verified. Please sign in again.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const expired = await products({ authorization: `Bearer ${await issuer.sign({ expiresAt: Math.floor(Date.now() / 1000) - 60 })}` });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe('Your session has expired. Please sign in again.');
    expect(catalog.received).toHaveLength(0);
  });

  it('sends each of identical concurrent requests to the subgraph, as our gateway does (no in-flight merging)', async () => {
    catalog.delayMs = 300;
    const answers = await Promise.all(Array.from({ length: 5 }, () => products()));
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
    expect(catalog.received).toHaveLength(5);
  });

  it('refuses introspection, as our gateway does in production', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
