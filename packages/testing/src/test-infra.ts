import { randomBytes } from 'node:crypto';
import { createDatabase } from '@vitrine/local-infra';
import { inject } from 'vitest';
import './provided-context.js';

const suffix = () => randomBytes(4).toString('hex');

/** What the global setup of the int and e2e projects provides; a unit spec gets neither, and is told so. */
function provided<K extends 'postgresAdminUrl' | 'kafkaBrokers'>(key: K) {
  const value = inject(key);
  if (value === undefined) {
    throw new Error(`${key} is only provided to *.int.spec.ts and *.e2e.spec.ts files: a unit spec touches no PostgreSQL or Kafka`);
  }
  return value;
}

/** A fresh database on the shared test server, for one test file. */
export async function createTestDatabase(label = 'test'): Promise<string> {
  const adminUrl = provided('postgresAdminUrl');
  const name = `${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${suffix()}`;
  return createDatabase(adminUrl, name);
}

/** Topic names are prefixed per test file, so files share one broker without seeing each other's events. */
export function createTopicPrefix(label = 't'): string {
  return `${label.replace(/[^a-z0-9]/gi, '').toLowerCase()}-${suffix()}.`;
}

export function kafkaBrokers(): string[] {
  return provided('kafkaBrokers');
}
