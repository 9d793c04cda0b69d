import type { TestProject } from 'vitest/node';
import './provided-context.js';
import { startKafkaBroker, startPostgresServer, type RunningKafkaBroker, type RunningPostgres } from '@vitrine/local-infra';

/**
 * Starts one real PostgreSQL and one real Apache Kafka broker for the whole
 * test run (each test file then gets its own database and topic prefix).
 * DATABASE_URL (a superuser URL) and KAFKA_BROKERS point at existing ones instead.
 */
export default async function setup(project: TestProject) {
  const started: { stop(): Promise<void> }[] = [];
  const log = process.env.VITRINE_INFRA_LOG ? (line: string) => process.stderr.write(line.endsWith('\n') ? line : `${line}\n`) : undefined;

  const postgres: Promise<string> = process.env.DATABASE_URL
    ? Promise.resolve(process.env.DATABASE_URL)
    : startPostgresServer({ fast: true, log }).then((pg: RunningPostgres) => {
        started.push(pg);
        return pg.adminUrl;
      });
  const kafka: Promise<string[]> = process.env.KAFKA_BROKERS
    ? Promise.resolve(process.env.KAFKA_BROKERS.split(','))
    : startKafkaBroker({ log }).then((broker: RunningKafkaBroker) => {
        started.push(broker);
        return broker.brokers;
      });

  const [postgresAdminUrl, kafkaBrokers] = await Promise.all([postgres, kafka]).catch(async (err) => {
    await Promise.allSettled(started.map((s) => s.stop()));
    throw err;
  });
  project.provide('postgresAdminUrl', postgresAdminUrl);
  project.provide('kafkaBrokers', kafkaBrokers);

  return async () => {
    await Promise.allSettled(started.map((s) => s.stop()));
  };
}
