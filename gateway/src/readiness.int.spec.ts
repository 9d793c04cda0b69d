import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from './server.js';
import { composeFixtureSupergraph, startFixtureGateway } from './test-support/fixture-stack.js';

/** A stand-in subgraph that only answers /health, with the given status. */
async function startHealthStub(status: number): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => res.writeHead(req.url === '/health' ? status : 404).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}

/**
 * A subgraph nobody answers for. Not a stub's port after closing it: in a suite of parallel test files another
 * process can be handed that port at once, and its server then answers the health check. Port 2: privileged, so
 * no test binds it, and not one fetch refuses to use (1 is).
 */
const nobodyListening = 'http://127.0.0.1:2/graphql';

describe('/ready', () => {
  let supergraph: Awaited<ReturnType<typeof composeFixtureSupergraph>>;
  let healthy: Awaited<ReturnType<typeof startHealthStub>>;
  let unhealthy: Awaited<ReturnType<typeof startHealthStub>>;
  const gateways: RunningGateway[] = [];

  beforeAll(async () => {
    supergraph = await composeFixtureSupergraph();
    [healthy, unhealthy] = await Promise.all([startHealthStub(200), startHealthStub(500)]);
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    for (const stub of [healthy, unhealthy]) stub?.server.close();
    await supergraph?.cleanup();
  });

  async function readiness(urls: { catalog: string; orders: string }): Promise<{ status: number; body: Record<string, unknown> }> {
    const gateway = await startFixtureGateway(supergraph.path, urls);
    gateways.push(gateway);
    const response = await fetch(new URL('/ready', gateway.url));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('is 200 once every subgraph answers its health check', async () => {
    const { status, body } = await readiness({ catalog: healthy.url, orders: healthy.url });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ready' });
    // Which replicas it routes to (readiness probes, src/routing): each subgraph here has one.
    expect(body['routing']).toMatchObject({ catalog: { routed: true, replicas: [{ url: healthy.url }] }, orders: { routed: true } });
  });

  it('is 503 naming each subgraph that is down or unhealthy', async () => {
    const stopped = { url: nobodyListening };

    const { status, body } = await readiness({ catalog: unhealthy.url, orders: stopped.url });

    expect(status).toBe(503);
    expect(body).toMatchObject({
      status: 'unavailable',
      down: [
        { name: 'catalog', healthUrl: new URL('/health', unhealthy.url).href, reason: 'HTTP 500' },
        { name: 'orders', healthUrl: new URL('/health', stopped.url).href, reason: 'ECONNREFUSED' },
      ],
    });
  });

  it('counts a subgraph with several replicas up while one of them answers', async () => {
    const stopped = { url: nobodyListening };
    const oneUp = await readiness({ catalog: `${stopped.url},${healthy.url}`, orders: healthy.url });
    expect(oneUp.status).toBe(200);
    const noneUp = await readiness({ catalog: `${stopped.url},${unhealthy.url}`, orders: healthy.url });
    expect(noneUp.status).toBe(503);
    expect(noneUp.body['down']).toEqual([{ name: 'catalog', healthUrl: new URL('/health', stopped.url).href, reason: 'ECONNREFUSED' }]);
  });
});
