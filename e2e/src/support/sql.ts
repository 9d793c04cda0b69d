import type { CatalogStack } from './stack.js';

/**
 * Counts rows straight from PostgreSQL: tests check what was written, not what an API claims.
 * Every service of a stack shares one database (a schema each), so catalog, which always runs, can read them all.
 */
export async function count(stack: CatalogStack, sql: string, params: unknown[] = []): Promise<number> {
  const rows = await stack.catalog.orm.em.fork().getConnection().execute<{ n: string }[]>(sql, params);
  return Number(rows[0]!.n);
}

/** Rows straight from PostgreSQL (any service's schema), for checks on what was written. */
export function rows<T = Record<string, unknown>>(stack: CatalogStack, sql: string, params: unknown[] = []): Promise<T[]> {
  return stack.catalog.orm.em.fork().getConnection().execute<T[]>(sql, params);
}
