import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../server.js';
import { composeFixtureSupergraph, startFixtureGateway } from '../test-support/fixture-stack.js';
import { postForJson } from '../test-support/post.js';
import { subgraphUnreachableMessage } from './subgraph-data-source.js';

// A subgraph that does not answer at all (restarting, crashed) is an outage
// the client can retry, not a bug: SERVICE_UNAVAILABLE with a readable
// message, never a masked INTERNAL_SERVER_ERROR.
let supergraph: Awaited<ReturnType<typeof composeFixtureSupergraph>>;
let gateway: RunningGateway;

/** A URL nobody listens on: a port taken, then given back. */
async function closedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/graphql`;
}

beforeAll(async () => {
  supergraph = await composeFixtureSupergraph();
  const down = await closedUrl();
  gateway = await startFixtureGateway(supergraph.path, { catalog: down, orders: down });
});
afterAll(async () => {
  await gateway?.stop();
  await supergraph?.cleanup();
});

describe('a subgraph that does not answer', () => {
  it('is SERVICE_UNAVAILABLE for the client, with a message it can act on', async () => {
    const { body } = await postForJson(gateway.url, { query: '{ products { id name } }' });
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ message: subgraphUnreachableMessage, extensions: { code: 'SERVICE_UNAVAILABLE' } })]);
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|fetch failed|at .*\.js/);
  });
});
