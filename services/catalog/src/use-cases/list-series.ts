import type { EntityManager } from '@mikro-orm/postgresql';

/** At most this many names: a filter's choices, not a report. */
export const maxSeriesNames = 500;

/**
 * The series products belong to, once each whatever their capitalisation (the products filter compares whole names
 * case-insensitively, so "Demon Slayer" and "demon slayer" are one choice), alphabetically.
 */
export async function listSeriesNames(em: EntityManager): Promise<string[]> {
  const rows = await em.getConnection().execute<{ series: string }[]>(
    `select min(series) as series from catalog.product
      where series is not null and series <> ''
      group by lower(series) order by lower(series) limit ?`,
    [maxSeriesNames],
  );
  return rows.map((r) => r.series);
}
