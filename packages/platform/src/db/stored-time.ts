/**
 * A timestamp read by a raw statement (`em.execute`): MikroORM leaves it as PostgreSQL's text there, where an entity
 * would have a Date; a driver or a json column may give a Date or ISO text. Always a Date (or null).
 */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}
