import type pg from 'pg';

export interface PreparedStatementLimits {
  /** A text is prepared once it has been run this many times (in any connection): a one-off is not worth a slot. */
  after: number;
  /** At most this many prepared statements per connection (each keeps its plan in that server process's memory). */
  perConnection: number;
  /** At most this many distinct texts are counted at all (lists of every length make new texts without end). */
  texts: number;
}

export const defaultPreparedStatementLimits: PreparedStatementLimits = { after: 2, perConnection: 200, texts: 5000 };

/**
 * Makes a pool's parameterized statements prepared ones: a statement text run more than once gets a name, and
 * each connection parses and plans it the first time only (PostgreSQL may then keep a generic plan too). Texts
 * without parameters (transaction control, DDL) are left alone. Names come from one process-wide table, so a
 * text has the same name on every connection, and what is prepared is bounded per connection and in all.
 *
 * A migration that changes the columns a prepared statement returns (another replica's, during a rolling deploy)
 * makes PostgreSQL refuse that statement for good ("cached plan must not change result type"): the call that meets
 * it fails, and its text gets a new name, so the next call prepares it afresh against the new table.
 */
export function prepareRecurringStatements(pool: pg.Pool, limits: PreparedStatementLimits = defaultPreparedStatementLimits): void {
  const names = new Map<string, string>();
  const runs = new Map<string, number>();
  let serial = 0;
  const nameFor = (text: string): string | undefined => {
    const known = names.get(text);
    if (known) return known;
    if (names.size >= limits.texts || (!runs.has(text) && runs.size >= limits.texts)) return undefined;
    const count = (runs.get(text) ?? 0) + 1;
    runs.set(text, count);
    if (count < limits.after) return undefined;
    const name = `vitrine_${++serial}`;
    names.set(text, name);
    runs.delete(text);
    return name;
  };
  const retireIfStale = (text: string, name: string, err: unknown): void => {
    if ((err as { code?: string } | null)?.code === '0A000' && names.get(text) === name) names.set(text, `vitrine_${++serial}`);
  };
  pool.on('connect', (client) => {
    const prepared = new Set<string>();
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      // (text, values) from Kysely, (text, values, callback) from pg's own pool.query.
      const [text, values, callback] = args;
      if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0 || args.length > 3) return query(...args);
      const name = nameFor(text);
      if (!name || (!prepared.has(name) && prepared.size >= limits.perConnection)) return query(...args);
      prepared.add(name);
      if (typeof callback === 'function') {
        return query({ name, text, values }, (err: unknown, result: unknown) => {
          if (err) retireIfStale(text, name, err);
          (callback as (err: unknown, result: unknown) => void)(err, result);
        });
      }
      return (query({ name, text, values }) as Promise<unknown>).catch((err: unknown) => {
        retireIfStale(text, name, err);
        throw err;
      });
    };
  });
}
