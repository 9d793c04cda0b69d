import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';
import { serviceEnv } from './service-env.js';

const base = { PORT: '4001', DATABASE_URL: 'postgres://u:p@localhost/db' };

describe('loadConfig', () => {
  it('applies defaults and coerces numbers', () => {
    const env = loadConfig(serviceEnv, base);
    expect(env).toMatchObject({ PORT: 4001, EVENT_TRANSPORT: 'embedded', TOPIC_PREFIX: '', AUTH_ISSUER: 'vitrine-accounts', SEED_DEMO_DATA: false });
  });

  it('parses the broker list', () => {
    expect(loadConfig(serviceEnv, { ...base, KAFKA_BROKERS: 'a:9092, b:9093' }).KAFKA_BROKERS).toEqual(['a:9092', 'b:9093']);
  });

  it('names every missing or malformed variable at once', () => {
    try {
      loadConfig(serviceEnv, { PORT: 'eighty', KAFKA_BROKERS: 'nohostport' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as ConfigError).message;
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/DATABASE_URL: missing/);
      expect(message).toMatch(/KAFKA_BROKERS/);
    }
  });
});
