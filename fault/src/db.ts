import pg from 'pg';

/** What the audit and the set-up need of a database connection. */
export type Queryable = Pick<pg.Pool, 'query'>;

/**
 * A small pool on the stack's database: unlike one client, it reconnects
 * after PostgreSQL restarts under it (the connections it drops are errors
 * of the fault, not of the test).
 */
export function openDatabase(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);
  return pool;
}
