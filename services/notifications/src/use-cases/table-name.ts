import type { EntityManager } from '@mikro-orm/postgresql';

/** A table of this service's schema, quoted, for the few statements written in SQL. */
export function tableOf(em: EntityManager, table: string): string {
  return `"${em.config.get('schema') ?? 'public'}"."${table}"`;
}
