import type { TestProject } from 'vitest/node';
import './provided-context.js';
import {
  ensureMailpit,
  ensureMinio,
  ensureStripeMock,
  startKafkaBroker,
  startPostgresServer,
  type RunningKafkaBroker,
  type RunningPostgres,
} from '@vitrine/local-infra';

interface SharedInfra {
  ready: Promise<{ postgresAdminUrl: string; kafkaBrokers: string[] }>;
  started: { stop(): Promise<void> }[];
  users: number;
}

// The int and e2e projects both name this file: in one run they share one PostgreSQL and one broker.
const key = Symbol.for('vitrine.test-infra');
const registry = globalThis as typeof globalThis & { [key]?: SharedInfra };

function startInfra(): SharedInfra {
  const started: SharedInfra['started'] = [];
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

  // The Go test servers (MinIO, Mailpit, stripe-mock) are built here, once per machine, while PostgreSQL and Kafka
  // start: built on demand, MinIO's few minutes fell inside the first test hook that needed it and timed it out.
  // A build that fails here is not fatal: only the specs that need that server fail, saying why.
  const testServers = Promise.all(
    [ensureMinio, ensureMailpit, ensureStripeMock].map((ensure) =>
      ensure({ log }).catch((err: unknown) => process.stderr.write(`test servers: ${(err as Error).message.split('\n')[0]}\n`)),
    ),
  );

  const ready = Promise.all([postgres, kafka, testServers]).then(
    ([postgresAdminUrl, kafkaBrokers]) => ({ postgresAdminUrl, kafkaBrokers }),
    async (err) => {
      await Promise.allSettled(started.map((s) => s.stop()));
      throw err;
    },
  );
  return { ready, started, users: 0 };
}

/**
 * Starts one real PostgreSQL and one real Apache Kafka broker for the whole
 * test run (each test file then gets its own database and topic prefix).
 * DATABASE_URL (a superuser URL) and KAFKA_BROKERS point at existing ones instead.
 * Unit specs run without it: they get neither.
 */
export default async function setup(project: TestProject) {
  const infra = (registry[key] ??= startInfra());
  infra.users++;
  let values: Awaited<SharedInfra['ready']>;
  try {
    values = await infra.ready;
  } catch (err) {
    if (--infra.users === 0) delete registry[key];
    throw err;
  }
  project.provide('postgresAdminUrl', values.postgresAdminUrl);
  project.provide('kafkaBrokers', values.kafkaBrokers);

  return async () => {
    if (--infra.users > 0) return;
    delete registry[key];
    await Promise.allSettled(infra.started.map((s) => s.stop()));
  };
}
