import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../server.js';
import { composeFixtureSupergraph } from '../test-support/fixture-stack.js';
import { startFixtureGateway } from '../test-support/fixture-stack.js';
import { startFixtureSubgraph, type FixtureSubgraph } from '../test-support/fixture-subgraphs.js';
import { postForJson } from '../test-support/post.js';
import { subgraphUnreachableMessage } from './subgraph-data-source.js';

// The gateway follows each subgraph's /ready: a subgraph that says it cannot
// serve (its database down, draining) is answered SERVICE_UNAVAILABLE at once
// and sent nothing, and is routed to again as soon as it says it serves.

/** orders' fixture behind a front that answers /ready as the test says and passes the rest on. */
async function startOrdersWithReadiness(orders: FixtureSubgraph) {
  const state = { readyStatus: 200, graphqlRequests: 0 };
  const target = new URL(orders.url);
  const server: Server = createServer(async (req, res) => {
    if (req.url === '/ready') {
      const body = state.readyStatus === 200 ? { status: 'ready' } : { status: 'unavailable', database: 'down' };
      return void res.writeHead(state.readyStatus, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }
    if (req.url === '/health') return void res.writeHead(200).end('ok');
    state.graphqlRequests += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name))) as Record<
      string,
      string
    >;
    const answer = await fetch(new URL(req.url ?? '/', target), {
      method: req.method,
      headers,
      body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
    });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { state, url: `http://127.0.0.1:${port}/graphql`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let supergraph: Awaited<ReturnType<typeof composeFixtureSupergraph>>;
let catalog: FixtureSubgraph;
let orders: FixtureSubgraph;
let front: Awaited<ReturnType<typeof startOrdersWithReadiness>>;
let gateway: RunningGateway;

beforeAll(async () => {
  supergraph = await composeFixtureSupergraph();
  [catalog, orders] = await Promise.all([startFixtureSubgraph('catalog'), startFixtureSubgraph('orders')]);
  front = await startOrdersWithReadiness(orders);
  gateway = await startFixtureGateway(supergraph.path, { catalog: catalog.url, orders: front.url }, { SUBGRAPH_READINESS_PROBE_MS: '100' });
});
afterAll(async () => {
  await gateway?.stop();
  await front?.close();
  await Promise.all([catalog?.stop(), orders?.stop()]);
  await supergraph?.cleanup();
});

async function routingOf(name: string): Promise<{ routed: boolean; reason?: string } | undefined> {
  const response = await fetch(new URL('/ready', gateway.url));
  const body = (await response.json()) as { routing: Record<string, { routed: boolean; replicas: { reason?: string }[] }> };
  const subgraph = body.routing[name];
  return subgraph && { routed: subgraph.routed, ...(subgraph.replicas[0]?.reason ? { reason: subgraph.replicas[0].reason } : {}) };
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within 5 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('routing by subgraph readiness', () => {
  it('sends requests while the subgraph is ready', async () => {
    const { body } = await postForJson(gateway.url, { query: '{ orders { id } }' });
    expect(body).toEqual({ data: { orders: [{ id: 'o1' }] } });
    expect(await routingOf('orders')).toMatchObject({ routed: true });
  });

  it('answers SERVICE_UNAVAILABLE at once, sending nothing, while the subgraph says it cannot serve; the rest still answers', async () => {
    front.state.readyStatus = 503;
    await until(async () => (await routingOf('orders'))?.routed === false, 'orders taken out of routing');
    expect(await routingOf('orders')).toEqual(expect.objectContaining({ routed: false, reason: 'not ready: unavailable' }));

    const sentBefore = front.state.graphqlRequests;
    const { body } = await postForJson(gateway.url, { query: '{ orders { id } }' });
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ message: subgraphUnreachableMessage, extensions: { code: 'SERVICE_UNAVAILABLE' } })]);
    expect(front.state.graphqlRequests).toBe(sentBefore);

    const products = await postForJson(gateway.url, { query: '{ products { id } }' });
    expect(products.body).toEqual({ data: { products: [{ id: 'p1' }, { id: 'p2' }] } });
  });

  it('routes to it again once it says it serves', async () => {
    front.state.readyStatus = 200;
    await until(async () => (await routingOf('orders'))?.routed === true, 'orders routed again');
    const { body } = await postForJson(gateway.url, { query: '{ orders { id } }' });
    expect(body).toEqual({ data: { orders: [{ id: 'o1' }] } });
  });
});

describe('routing over replicas', () => {
  let second: Awaited<ReturnType<typeof startOrdersWithReadiness>>;
  let third: Awaited<ReturnType<typeof startOrdersWithReadiness>>;
  let replicated: RunningGateway;

  beforeAll(async () => {
    [second, third] = await Promise.all([startOrdersWithReadiness(orders), startOrdersWithReadiness(orders)]);
    replicated = await startFixtureGateway(
      supergraph.path,
      { catalog: catalog.url, orders: `${second.url},${third.url}` },
      { SUBGRAPH_READINESS_PROBE_MS: '100' },
    );
  });
  afterAll(async () => {
    await replicated?.stop();
    await Promise.all([second?.close(), third?.close()]);
  });

  const routedReplicas = async () => {
    const body = (await (await fetch(new URL('/ready', replicated.url))).json()) as { routing: Record<string, { replicas: { routed: boolean }[] }> };
    return body.routing['orders']!.replicas.filter((r) => r.routed).length;
  };
  const ordersQuery = () => postForJson(replicated.url, { query: '{ orders { id } }' });

  it('spreads requests over the replicas that serve, and over the one left when the other cannot', async () => {
    for (let i = 0; i < 6; i++) expect((await ordersQuery()).body).toEqual({ data: { orders: [{ id: 'o1' }] } });
    expect([second.state.graphqlRequests, third.state.graphqlRequests]).toEqual([3, 3]);

    second.state.readyStatus = 503;
    await until(async () => (await routedReplicas()) === 1, 'the second replica taken out of routing');
    for (let i = 0; i < 4; i++) expect((await ordersQuery()).body).toEqual({ data: { orders: [{ id: 'o1' }] } });
    expect([second.state.graphqlRequests, third.state.graphqlRequests]).toEqual([3, 7]);
  });

  it('answers SERVICE_UNAVAILABLE once no replica serves, and serves again with the first back', async () => {
    third.state.readyStatus = 503;
    await until(async () => (await routedReplicas()) === 0, 'both replicas out of routing');
    const { body } = await ordersQuery();
    expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: 'SERVICE_UNAVAILABLE' } })]);

    second.state.readyStatus = 200;
    await until(async () => (await routedReplicas()) === 1, 'the second replica routed again');
    expect((await ordersQuery()).body).toEqual({ data: { orders: [{ id: 'o1' }] } });
  });
});
