import type { EntityManager } from '@mikro-orm/postgresql';

/** The quoted schema `em` works on (payments'), for raw statements. */
export function schemaOf(em: EntityManager): string {
  return `"${em.config.get('schema') ?? 'payments'}"`;
}

// Payments' raw-row helpers in one import: the timestamp reader is the platform's (every service's raw reads need it).
export { toDate } from '@vitrine/platform';

/**
 * A row of a raw statement: column names as PostgreSQL returns them, values as the driver decodes them
 * (bigint as text, timestamps as Date or text). Untyped on purpose: each reader names the columns it uses.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows; see above
export type Row = Record<string, any>;
