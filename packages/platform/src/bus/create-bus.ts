import type { Logger } from 'pino';
import { checkServiceEnv, type ServiceEnv } from '../config/service-env.js';
import { ConfigError } from '../config/load-config.js';
import { createEmbeddedBus } from './embedded-bus.js';
import type { EventBus } from './event-bus.js';
import { createKafkaBus } from './kafka-bus.js';

/** Picks the transport from configuration; services only ever see `EventBus`. */
export async function createEventBus(env: ServiceEnv, clientId: string, logger: Logger): Promise<EventBus> {
  if (env.EVENT_TRANSPORT === 'kafka') {
    // checkServiceEnv refused a Kafka transport without brokers before anything started.
    if (!env.KAFKA_BROKERS) throw new ConfigError(checkServiceEnv(env));
    return createKafkaBus({
      brokers: env.KAFKA_BROKERS,
      clientId,
      logger,
      partitions: env.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: env.KAFKA_REPLICATION_FACTOR,
    });
  }
  return createEmbeddedBus({ url: env.EMBEDDED_BUS_URL ?? env.DATABASE_URL, logger, lingerMs: env.EVENT_LINGER_MS });
}
