import { randomBytes } from 'node:crypto';
import { createDatabase } from '@vitrine/local-infra';
import { inject } from 'vitest';
import './provided-context.js';

const suffix = () => randomBytes(4).toString('hex');

/** A fresh database on the shared test server, for one test file. */
export async function createTestDatabase(label = 'test'): Promise<string> {
  const adminUrl = inject('postgresAdminUrl');
  const name = `${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${suffix()}`;
  return createDatabase(adminUrl, name);
}

/** Topic names are prefixed per test file, so files share one broker without seeing each other's events. */
export function createTopicPrefix(label = 't'): string {
  return `${label.replace(/[^a-z0-9]/gi, '').toLowerCase()}-${suffix()}.`;
}

export function kafkaBrokers(): string[] {
  return inject('kafkaBrokers');
}
