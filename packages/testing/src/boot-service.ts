import { startService, type BaseContext, type RunningService, type ServiceDefinition } from '@vitrine/platform';
import { kafkaBrokers } from './test-infra.js';

export interface TestStackEnv {
  databaseUrl: string;
  topicPrefix: string;
  /** Defaults to Kafka: tests that claim Kafka works must run on the real broker. */
  transport?: 'kafka' | 'embedded';
  extra?: Record<string, string>;
}

/** Boots a subgraph in-process on a free port against the test file's database and topics. */
export function bootService<TContext extends BaseContext, TShared>(
  definition: ServiceDefinition<TContext, TShared>,
  env: TestStackEnv,
): Promise<RunningService> {
  const transport = env.transport ?? 'kafka';
  return startService(definition, {
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: env.databaseUrl,
    EVENT_TRANSPORT: transport,
    KAFKA_BROKERS: transport === 'kafka' ? kafkaBrokers().join(',') : undefined,
    TOPIC_PREFIX: env.topicPrefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    OUTBOX_POLL_MS: '100',
    ...env.extra,
  });
}
