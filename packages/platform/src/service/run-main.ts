import { ConfigError } from '../config/load-config.js';
import type { BaseContext } from '../server/request-context.js';
import type { ServiceDefinition } from './service-definition.js';
import { startService } from './start-service.js';

/** Process entry for a subgraph: start, and stop gracefully on SIGINT/SIGTERM. */
export async function runMain<TContext extends BaseContext>(definition: ServiceDefinition<TContext>): Promise<void> {
  try {
    const service = await startService(definition);
    const shutdown = (signal: string) => {
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
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  } catch (err) {
    if (err instanceof ConfigError) console.error(`[${definition.identity.name}] ${err.message}`);
    else console.error(`[${definition.identity.name}] failed to start`, err);
    process.exit(1);
  }
}
