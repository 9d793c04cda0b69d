#!/usr/bin/env node
// The bench's Hive Gateway process (`node bench/dist/hive-gateway/main.js`), started by stack.ts beside our gateway
// when the `hive` workload runs. With GATEWAY_WORKERS > 1 a cluster primary forks that many workers sharing the port,
// as our gateway does, so the two are compared with the same number of processes.
import cluster from 'node:cluster';
import { HiveSettingsError, loadHiveGatewaySettings, type HiveGatewaySettings } from './settings.js';
import { createHiveGatewayServer } from './server.js';

function settingsOrExit(): HiveGatewaySettings {
  try {
    return loadHiveGatewaySettings();
  } catch (error) {
    if (!(error instanceof HiveSettingsError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

async function serve(settings: HiveGatewaySettings): Promise<void> {
  const server = await createHiveGatewayServer(settings);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, resolve);
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => process.exit(0));
    // Keep-alive sockets of the load generator would hold close() open.
    server.closeIdleConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // An orphaned worker (primary gone) must not keep serving on its own.
  if (cluster.isWorker) process.on('disconnect', stop);
}

/** Forks the workers and stops them on SIGTERM; a worker that dies ends the process (a bench must not measure fewer). */
function runPrimary(workers: number): void {
  let stopping = false;
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  cluster.on('exit', (worker, code, signal) => {
    if (!stopping) {
      console.error(`hive gateway worker ${worker.process.pid} exited (${signal ?? code}); stopping`);
      process.exitCode = 1;
      stop();
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
  });
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  for (let i = 0; i < workers; i++) cluster.fork();
}

const settings = settingsOrExit();
if (settings.workers > 1 && cluster.isPrimary) runPrimary(settings.workers);
else
  await serve(settings).catch((error: unknown) => {
    console.error(`hive gateway failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
