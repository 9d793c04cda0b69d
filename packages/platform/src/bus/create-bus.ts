import type { Logger } from 'pino';
import type { ServiceEnv } from '../config/service-env.js';
import { ConfigError } from '../config/load-config.js';
import { createEmbeddedBus } from './embedded-bus.js';
import type { EventBus } from './event-bus.js';
import { createKafkaBus } from './kafka-bus.js';

/** Picks the transport from configuration; services only ever see `EventBus`. */
export async function createEventBus(env: ServiceEnv, clientId: string, logger: Logger): Promise<EventBus> {
  if (env.EVENT_TRANSPORT === 'kafka') {
    if (!env.KAFKA_BROKERS) throw new ConfigError(['KAFKA_BROKERS: missing (required when EVENT_TRANSPORT=kafka)']);
    return createKafkaBus({ brokers: env.KAFKA_BROKERS, clientId, logger });
  }
  return createEmbeddedBus({ url: env.EMBEDDED_BUS_URL ?? env.DATABASE_URL, logger });
}
