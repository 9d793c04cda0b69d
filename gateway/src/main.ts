#!/usr/bin/env node
// Process entry: `node dist/main.js`. One process, or with GATEWAY_WORKERS > 1 a
// cluster primary forking that many workers which share the port.
import cluster from 'node:cluster';
import { stopWithParent, stopWithParentVariable } from '@vitrine/platform/process';
import { runClusterPrimary } from './cluster-primary.js';
import { ConfigError, loadConfig, type GatewayConfig } from './config.js';
import { endpointUrl } from './http/endpoint-url.js';
import { createLogger } from './logger.js';
import { startGateway } from './server.js';

function configOrExit(): GatewayConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

async function runGateway(config: GatewayConfig): Promise<void> {
  const log = createLogger(config);
  let gateway;
  try {
    gateway = await startGateway(config, { log });
  } catch (error) {
    log.fatal({ err: error }, `gateway failed to start: ${(error as Error).message}`);
    process.exit(1);
  }
  if (cluster.isWorker) log.info({ url: gateway.url }, 'gateway worker listening');
  else if (config.graphiql) log.info({ url: gateway.url, graphiql: gateway.url }, `gateway ready: GraphiQL at ${gateway.url}`);
  else log.info({ url: gateway.url }, `gateway ready at ${gateway.url}`);

  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ reason }, 'gateway draining');
    try {
      await gateway.stop();
      log.info('gateway stopped');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'gateway failed to stop cleanly');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));
  // Started by the local stack: stop with it rather than keep the port as an orphan.
  if (!cluster.isWorker && process.env[stopWithParentVariable] === '1') stopWithParent((reason) => void shutdown(reason));
  // An orphaned worker (primary gone) must not keep serving on its own.
  if (cluster.isWorker) process.on('disconnect', () => void shutdown('primary disconnected'));
}

const config = configOrExit();
if (config.workers > 1 && cluster.isPrimary) {
  const log = createLogger(config);
  runClusterPrimary(config.workers, log);
  cluster.once('listening', (_worker, address) => {
    const url = endpointUrl(config.host, address.port);
    const graphiql = config.graphiql ? `: GraphiQL at ${url}` : ` at ${url}`;
    log.info({ url }, `gateway ready with ${config.workers} workers${graphiql}`);
  });
} else {
  await runGateway(config);
}
