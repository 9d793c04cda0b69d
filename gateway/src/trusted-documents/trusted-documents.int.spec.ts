import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureStack, type FixtureStack } from '../test-support/fixture-stack.js';
import { postForJson, type GraphqlBody } from '../test-support/post.js';
import { sha256Hex } from './manifest.js';

const productsDocument = 'query Products { products { id name } }';
const productsHash = sha256Hex(productsDocument);
const productsData = {
  products: [
    { id: 'p1', name: 'Saber 1/7 scale' },
    { id: 'p2', name: 'Nendoroid Miku' },
  ],
};

/** Names the calling client, as Apollo clients do. */
const client = (name: string) => ({ 'apollographql-client-name': name });
const apq = (sha256Hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash } } });

describe('trusted documents', () => {
  let dir: string;
  let stack: FixtureStack;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitrine-trusted-'));
    const manifestPath = join(dir, 'manifest.json');
    await writeFile(manifestPath, JSON.stringify({ [productsHash]: productsDocument }));
    stack = await startFixtureStack({
      TRUSTED_DOCUMENTS_PATH: manifestPath,
      TRUSTED_DOCUMENTS_REQUIRED_FOR: 'storefront, ios-app',
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs a registered document for a required client, by APQ hash or by documentId', async () => {
    expect(await postForJson(stack.gateway.url, apq(productsHash), client('storefront'))).toEqual({ status: 200, body: { data: productsData } });
    expect(await postForJson(stack.gateway.url, { documentId: `sha256:${productsHash}` }, client('ios-app'))).toEqual({
      status: 200,
      body: { data: productsData },
    });
  });

  it('reads the client name from x-client-name too, and serves GET', async () => {
    const url = new URL(stack.gateway.url);
    url.searchParams.set('extensions', JSON.stringify(apq(productsHash).extensions));

    const response = await fetch(url, { headers: { 'x-client-name': 'storefront', 'apollo-require-preflight': 'true' } });

    expect(await response.json()).toEqual({ data: productsData });
  });

  it.each([
    ['free-form text', { query: productsDocument }, 'PERSISTED_QUERY_REQUIRED'],
    ['an unknown hash', apq(sha256Hex('{ products { id } }')), 'PERSISTED_QUERY_NOT_FOUND'],
    ['an unknown documentId', { documentId: sha256Hex('{ products { id } }') }, 'PERSISTED_QUERY_NOT_FOUND'],
  ])('refuses %s from a required client, before any subgraph', async (_name, body, code) => {
    const before = stack.subgraphRequests();

    const result = await postForJson(stack.gateway.url, body, client('storefront'));

    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.body.data).toBeUndefined();
    expect(stack.subgraphRequests()).toBe(before);
  });

  it('refuses free-form text sent by GET from a required client', async () => {
    const url = new URL(stack.gateway.url);
    url.searchParams.set('query', '{ products { id } }');

    const response = await fetch(url, { headers: { 'x-client-name': 'ios-app', 'apollo-require-preflight': 'true' } });

    expect(response.status).toBe(400);
    expect(((await response.json()) as GraphqlBody).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
  });

  it('leaves other clients free to send any query', async () => {
    expect(await postForJson(stack.gateway.url, { query: '{ products { id } }' }, client('back-office'))).toEqual({
      status: 200,
      body: { data: { products: [{ id: 'p1' }, { id: 'p2' }] } },
    });
    expect((await postForJson(stack.gateway.url, { query: '{ products { id } }' })).status).toBe(200);
    // ...and to use registered documents.
    expect(await postForJson(stack.gateway.url, apq(productsHash), client('back-office'))).toEqual({ status: 200, body: { data: productsData } });
  });
});
