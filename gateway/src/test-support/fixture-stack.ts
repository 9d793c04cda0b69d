import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph } from '../composition/compose-supergraph.js';
import { loadSubgraphSdl } from '../composition/load-subgraph-sdl.js';
import { loadConfig } from '../config.js';
import { startGateway, type RunningGateway, type StartGatewayOptions } from '../server.js';
import { fixtureSubgraphs, startFixtureSubgraph, validFixtureRoot, type FixtureSubgraph, type OrdersBehaviour } from './fixture-subgraphs.js';

/** Composes the valid fixtures into a temporary supergraph file; returns its path. */
export async function composeFixtureSupergraph(): Promise<{ path: string; cleanup(): Promise<void> }> {
  const composition = composeSupergraph(await loadSubgraphSdl(validFixtureRoot, fixtureSubgraphs));
  if (!composition.ok) throw new Error(composition.errors.join('\n'));
  const dir = await mkdtemp(join(tmpdir(), 'vitrine-gateway-'));
  const path = join(dir, 'supergraph.graphql');
  await writeFile(path, composition.supergraphSdl);
  return { path, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A gateway on a free port over the composed fixtures, with the given subgraph URLs. */
export async function startFixtureGateway(
  supergraphPath: string,
  subgraphUrls: { catalog: string; orders: string },
  /** Further gateway environment (limits, NODE_ENV, AUTH_*...), over the test defaults. */
  env: Record<string, string> = {},
  options: StartGatewayOptions = {},
): Promise<RunningGateway> {
  const config = loadConfig(
    {
      PORT: '0',
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      NODE_ENV: 'test',
      // Nothing listens here: a test that sends a token must start a token issuer and point at it.
      AUTH_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
      SUPERGRAPH_PATH: supergraphPath,
      SUBGRAPH_CATALOG_URL: subgraphUrls.catalog,
      SUBGRAPH_ORDERS_URL: subgraphUrls.orders,
      ...env,
    },
    fixtureSubgraphs,
  );
  return startGateway(config, options);
}

export interface FixtureStack {
  readonly gateway: RunningGateway;
  readonly catalog: FixtureSubgraph;
  readonly orders: FixtureSubgraph;
  readonly ordersBehaviour: OrdersBehaviour;
  /** Requests the subgraphs have received so far: refused operations must not add to it. */
  subgraphRequests(): number;
  stop(): Promise<void>;
}

/** Two fixture subgraphs and a gateway in front of them, all in this process. */
export async function startFixtureStack(env: Record<string, string> = {}, options: StartGatewayOptions = {}): Promise<FixtureStack> {
  const supergraph = await composeFixtureSupergraph();
  const ordersBehaviour: OrdersBehaviour = { delayMs: 0 };
  const [catalog, orders] = await Promise.all([startFixtureSubgraph('catalog'), startFixtureSubgraph('orders', ordersBehaviour)]);
  const gateway = await startFixtureGateway(supergraph.path, { catalog: catalog.url, orders: orders.url }, env, options);
  return {
    gateway,
    catalog,
    orders,
    ordersBehaviour,
    subgraphRequests: () => catalog.receivedHeaders.length + orders.receivedHeaders.length,
    async stop() {
      await gateway.stop();
      await Promise.all([catalog.stop(), orders.stop()]);
      await supergraph.cleanup();
    },
  };
}
