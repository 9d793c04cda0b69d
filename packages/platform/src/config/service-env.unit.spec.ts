import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.js';
import { checkServiceEnv, serviceEnv } from './service-env.js';

const base = { PORT: '0', DATABASE_URL: 'postgres://localhost/x' };

describe('service settings', () => {
  it('refuses a Kafka transport without brokers before anything starts', () => {
    expect(checkServiceEnv(loadConfig(serviceEnv, { ...base, EVENT_TRANSPORT: 'kafka' }))).toEqual([expect.stringContaining('KAFKA_BROKERS')]);
    expect(checkServiceEnv(loadConfig(serviceEnv, { ...base, EVENT_TRANSPORT: 'kafka', KAFKA_BROKERS: 'k1:9092,k2:9092' }))).toEqual([]);
    expect(checkServiceEnv(loadConfig(serviceEnv, base))).toEqual([]);
  });

  it('creates topics with 3 partitions and 1 replica unless told otherwise', () => {
    expect(loadConfig(serviceEnv, base)).toMatchObject({ KAFKA_TOPIC_PARTITIONS: 3, KAFKA_REPLICATION_FACTOR: 1 });
    expect(loadConfig(serviceEnv, { ...base, KAFKA_TOPIC_PARTITIONS: '12', KAFKA_REPLICATION_FACTOR: '3' })).toMatchObject({
      KAFKA_TOPIC_PARTITIONS: 12,
      KAFKA_REPLICATION_FACTOR: 3,
    });
    expect(() => loadConfig(serviceEnv, { ...base, KAFKA_REPLICATION_FACTOR: '0' })).toThrow(/KAFKA_REPLICATION_FACTOR/);
  });
});
