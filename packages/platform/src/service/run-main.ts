import { ConfigError } from '../config/load-config.js';
import type { BaseContext } from '../server/request-context.js';
import type { ServiceDefinition } from './service-definition.js';
import { startService } from './start-service.js';
import { stopWithParent, stopWithParentVariable } from '../process/stop-with-parent.js';

/** Process entry for a subgraph: start, and stop gracefully on SIGINT/SIGTERM. */
export async function runMain<TContext extends BaseContext, TShared>(definition: ServiceDefinition<TContext, TShared>): Promise<void> {
  try {
    const service = await startService(definition);
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      service.logger.info({ signal }, 'shutting down');
      const force = setTimeout(() => process.exit(1), service.env.SHUTDOWN_GRACE_MS).unref();
      service.stop().then(
        () => {
          clearTimeout(force);
          process.exit(0);
        },
        (err) => {
          service.logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGHUP', () => shutdown('SIGHUP'));
    // Started by the local stack: an orphan would hold its port and connections, so it stops with its parent.
    if (process.env[stopWithParentVariable] === '1') stopWithParent((reason) => shutdown(reason));
  } catch (err) {
    if (err instanceof ConfigError) console.error(`[${definition.identity.name}] ${err.message}`);
    else console.error(`[${definition.identity.name}] failed to start`, err);
    process.exit(1);
  }
}
