import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';

// A worker that dies this soon after starting is likely to die again: wait before replacing it.
const crashLoopWindowMs = 5_000;
const crashLoopDelayMs = 1_000;
// Workers get their own grace period to drain; this is the backstop.
const shutdownDeadlineMs = 20_000;

/**
 * The cluster primary: forks `workers` gateway processes sharing the port,
 * replaces any that die, and forwards SIGINT/SIGTERM so each drains gracefully.
 */
export function runClusterPrimary(workers: number, log: Logger): void {
  let shuttingDown = false;
  const startedAt = new Map<Worker, number>();
  const listening = new WeakSet<Worker>();

  const fork = () => startedAt.set(cluster.fork(), Date.now());

  cluster.on('listening', (worker) => listening.add(worker));
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (shuttingDown) {
      if (startedAt.size === 0) {
        log.info('all gateway workers stopped');
        process.exit();
      }
      return;
    }
    if (!listening.has(worker)) {
      // It failed during startup (missing supergraph, port taken...): a new one would too.
      log.fatal({ workerPid: worker.process.pid, code, signal }, 'gateway worker failed to start; stopping');
      process.exitCode = 1;
      shutdown('SIGTERM');
      return;
    }
    log.warn({ workerPid: worker.process.pid, code, signal, livedMs: lived }, 'gateway worker died; replacing it');
    setTimeout(fork, lived < crashLoopWindowMs ? crashLoopDelayMs : 0);
  });

  const shutdown = (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal, workers: startedAt.size }, 'stopping gateway workers');
    if (startedAt.size === 0) process.exit();
    for (const worker of startedAt.keys()) worker.process.kill('SIGTERM');
    setTimeout(() => {
      log.error('gateway workers did not stop in time; killing them');
      for (const worker of startedAt.keys()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, shutdownDeadlineMs).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  log.info({ workers }, 'starting gateway workers');
  for (let i = 0; i < workers; i++) fork();
}
