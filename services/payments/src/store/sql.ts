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
