import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph } from '../composition/compose-supergraph.js';
import { loadSubgraphSdl } from '../composition/load-subgraph-sdl.js';
import { loadConfig } from '../config.js';
import { startGateway, type RunningGateway } from '../server.js';
import { subgraphs } from '../subgraphs.js';
import { startFixtureSubgraph, validFixtureRoot, type FixtureSubgraph, type OrdersBehaviour } from './fixture-subgraphs.js';

/** Composes the valid fixtures into a temporary supergraph file; returns its path. */
export async function composeFixtureSupergraph(): Promise<{ path: string; cleanup(): Promise<void> }> {
  const composition = composeSupergraph(await loadSubgraphSdl(validFixtureRoot, subgraphs));
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
  shutdownGraceMs?: number,
): Promise<RunningGateway> {
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    NODE_ENV: 'test',
    SUPERGRAPH_PATH: supergraphPath,
    SUBGRAPH_CATALOG_URL: subgraphUrls.catalog,
    SUBGRAPH_ORDERS_URL: subgraphUrls.orders,
  });
  return startGateway(config, shutdownGraceMs === undefined ? {} : { shutdownGraceMs });
}

export interface FixtureStack {
  readonly gateway: RunningGateway;
  readonly catalog: FixtureSubgraph;
  readonly orders: FixtureSubgraph;
  readonly ordersBehaviour: OrdersBehaviour;
  stop(): Promise<void>;
}

/** Two fixture subgraphs and a gateway in front of them, all in this process. */
export async function startFixtureStack(): Promise<FixtureStack> {
  const supergraph = await composeFixtureSupergraph();
  const ordersBehaviour: OrdersBehaviour = { delayMs: 0 };
  const [catalog, orders] = await Promise.all([
    startFixtureSubgraph('catalog'),
    startFixtureSubgraph('orders', ordersBehaviour),
  ]);
  const gateway = await startFixtureGateway(supergraph.path, { catalog: catalog.url, orders: orders.url });
  return {
    gateway,
    catalog,
    orders,
    ordersBehaviour,
    async stop() {
      await gateway.stop();
      await Promise.all([catalog.stop(), orders.stop()]);
      await supergraph.cleanup();
    },
  };
}
