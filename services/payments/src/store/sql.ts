import type { EntityManager } from '@mikro-orm/postgresql';

/** The quoted schema `em` works on (payments'), for raw statements. */
export function schemaOf(em: EntityManager): string {
  return `"${em.config.get('schema') ?? 'payments'}"`;
}

/** Timestamps from raw queries come back as text or Date depending on the driver: always a Date (or null). */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}

/**
 * A row of a raw statement: column names as PostgreSQL returns them, values as the driver decodes them
 * (bigint as text, timestamps as Date or text). Untyped on purpose: each reader names the columns it uses.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows; see above
export type Row = Record<string, any>;
