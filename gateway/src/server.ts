import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createTokenVerifier } from '@vitrine/platform/auth';
import { createApolloServer } from './apollo/create-apollo-server.js';
import { createAuthenticator } from './auth/authenticate.js';
import type { GatewayConfig } from './config.js';
import { loadGraphiqlAssets } from './graphiql/graphiql-assets.js';
import { closeServer } from './http/close-server.js';
import { endpointUrl } from './http/endpoint-url.js';
import { createRequestHandler } from './http/request-handler.js';
import { createLogger } from './logger.js';
import { routeEverywhere, startSubgraphRouting } from './routing/subgraph-routing.js';
import { createQueryPassthrough } from './passthrough/query-passthrough.js';
import { loadTrustedDocuments } from './trusted-documents/manifest.js';

export interface RunningGateway {
  /** The GraphQL endpoint; the same URL opens GraphiQL in a browser. */
  readonly url: string;
  /** Stops accepting, lets in-flight requests finish (up to a grace period), then releases everything. */
  stop(): Promise<void>;
}

export interface StartGatewayOptions {
  readonly log?: Logger;
  /** How long in-flight requests may take to finish once stop() is called. */
  readonly shutdownGraceMs?: number;
}

export async function startGateway(config: GatewayConfig, options: StartGatewayOptions = {}): Promise<RunningGateway> {
  const log = options.log ?? createLogger(config);
  const supergraphSdl = await readSupergraph(config.supergraphPath);
  // Before Apollo starts, so a bad manifest fails startup with nothing to clean up.
  const trustedDocuments = await loadTrustedDocuments(config.trustedDocuments.manifestPath);
  const graphiqlAssets = config.graphiql ? await loadGraphiqlAssets() : undefined;
  const routing =
    config.readinessProbeMs > 0
      ? startSubgraphRouting(config.subgraphUrls, { intervalMs: config.readinessProbeMs, log })
      : routeEverywhere(config.subgraphUrls);
  const passthrough = config.queryPassthrough ? createQueryPassthrough({ supergraphSdl, routing, limits: config.limits }) : undefined;
  const apollo = createApolloServer({
    routing,
    ...(passthrough && { didResolveQueryPlan: passthrough.learn }),
    supergraphSdl,
    subgraphUrls: config.subgraphUrls,
    exposeSchema: config.exposeSchema,
    limits: config.limits,
    log,
  });
  try {
    await apollo.start();
  } catch (error) {
    routing.stop();
    throw error;
  }

  let draining = false;
  const server = createServer(
    createRequestHandler({
      graphql: {
        apollo,
        passthrough,
        maxBodyBytes: config.limits.maxBodyBytes,
        trustedDocuments: { documents: trustedDocuments, requiredFor: new Set(config.trustedDocuments.requiredFor) },
      },
      // The JWKS is fetched on first use, cached, and refetched for an unknown key id.
      authenticate: createAuthenticator(createTokenVerifier(config.auth)),
      trustProxyHops: config.trustProxyHops,
      subgraphUrls: config.subgraphUrls,
      graphiqlAssets,
      log,
      isDraining: () => draining,
      routing: () => routing.view(),
    }),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // A drop opens hundreds of connections at once: queue them (up to somaxconn) rather than reset them past Node's default 511.
      server.listen({ port: config.port, host: config.host, backlog: 4096 }, resolve);
    });
  } catch (error) {
    routing.stop();
    await apollo.stop();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  const bound = server.address() as AddressInfo;
  return {
    url: endpointUrl(bound.address, bound.port),
    stop() {
      stopping ??= (async () => {
        draining = true;
        await closeServer(server, options.shutdownGraceMs ?? 10_000);
        routing.stop();
        await apollo.stop();
      })();
      return stopping;
    },
  };
}

async function readSupergraph(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(`supergraph not found at ${path}: run \`npm run build -w @vitrine/gateway\` (or set SUPERGRAPH_PATH)`, { cause: error });
  }
}
