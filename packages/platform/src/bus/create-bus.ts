import type { Logger } from 'pino';
import { checkServiceEnv, type ServiceEnv } from '../config/service-env.js';
import { ConfigError } from '../config/load-config.js';
import { createEmbeddedBus } from './embedded-bus.js';
import { createEmbeddedGroupRewinder } from './embedded-group-rewind.js';
import type { EventBus } from './event-bus.js';
import type { NotificationListener } from '../db/notification-listener.js';
import type { GroupRewinder } from './group-rewind.js';
import type { KafkaBusOptions } from './kafka-bus.js';

/**
 * The Kafka transport, loaded on first use: its client is ~330 modules and ~11 MiB of heap that
 * a service on the embedded transport would otherwise hold for nothing (bench/README.md, Memory).
 */
export async function createKafkaBus(options: KafkaBusOptions): Promise<EventBus> {
  const kafka = await import('./kafka-bus.js');
  return kafka.createKafkaBus(options);
}

/**
 * Picks the transport from configuration; services only ever see `EventBus`. `listener` is the process's listening
 * connection on DATABASE_URL: the embedded transport's subscriptions share it when the log is in that database.
 */
export async function createEventBus(env: ServiceEnv, clientId: string, logger: Logger, listener?: NotificationListener): Promise<EventBus> {
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
  const inServiceDatabase = !env.EMBEDDED_BUS_URL || env.EMBEDDED_BUS_URL === env.DATABASE_URL;
  return createEmbeddedBus({
    url: env.EMBEDDED_BUS_URL ?? env.DATABASE_URL,
    logger,
    lingerMs: env.EVENT_LINGER_MS,
    paceMs: env.EVENT_PACE_MS,
    inServiceDatabase,
    listener: inServiceDatabase ? listener : undefined,
  });
}

/** What moves a consumer group back on the configured transport (an operator's replay: inbox/replay.ts). */
export async function createGroupRewinder(
  env: Pick<ServiceEnv, 'EVENT_TRANSPORT' | 'KAFKA_BROKERS' | 'EMBEDDED_BUS_URL' | 'DATABASE_URL'>,
  clientId: string,
): Promise<GroupRewinder> {
  if (env.EVENT_TRANSPORT === 'kafka') {
    if (!env.KAFKA_BROKERS) throw new ConfigError(['KAFKA_BROKERS: missing (required when EVENT_TRANSPORT=kafka)']);
    const kafka = await import('./kafka/group-rewind.js');
    return kafka.createKafkaGroupRewinder({ brokers: env.KAFKA_BROKERS, clientId });
  }
  return createEmbeddedGroupRewinder({ url: env.EMBEDDED_BUS_URL ?? env.DATABASE_URL });
}
