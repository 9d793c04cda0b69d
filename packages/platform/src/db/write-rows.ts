import type { EntityClass, EntityMetadata, EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Property names (a many-to-one by the id it points to) to values. */
type Values<T> = { readonly [K in keyof T]?: unknown };

/** Rows to insert into one entity's table. */
export interface TableRows<T extends object> {
  entity: EntityClass<T>;
  rows: readonly Values<T>[];
  /** Hand the rows back as stored (defaults filled in), mapped to properties like a read. */
  returning?: boolean;
}

/** Changes to one row, found by its primary key. */
export interface RowChange<T extends object> {
  entity: EntityClass<T>;
  id: string;
  changes: Values<T>;
  returning?: boolean;
}

export type RowWrite = TableRows<object> | RowChange<object>;

/** Rows for `writeRows` to insert, their property names checked against the entity. */
export function rowsOf<T extends object>(entity: EntityClass<T>, rows: TableRows<T>['rows'], options: { returning?: boolean } = {}): TableRows<T> {
  return { entity, rows, ...options };
}

/** Changes for `writeRows` to make to the row with this primary key, their property names checked against the entity. */
export function changeOf<T extends object>(entity: EntityClass<T>, id: string, changes: Values<T>, options: { returning?: boolean } = {}): RowChange<T> {
  return { entity, id, changes, ...options };
}

/**
 * Writes rows of several tables in one statement (one round trip, one parse): inserts, each table's rows sent as one
 * JSON document and spread by `jsonb_populate_recordset` over the table's own row type, and changes to single rows
 * by primary key, their values typed the same way. A unit of work per request cost more CPU than the request's own
 * rules on the hot write paths (checkout, sending an email). Writes run in the order given and foreign keys are
 * checked at the end of the statement, so a row may point to one written beside it. An insert writes a column when
 * any of its rows names the property (the others get null there); one no row names takes its database default, and
 * an unnamed property with an `onCreate` hook (timestamps) gets the hook's value, as a change does with `onUpdate`.
 * Nothing goes through the identity map: what the rows become is only what `returning` hands back (per write, in
 * order; [] for the others). An insert of no rows writes nothing (no statement at all if every write is one). It runs
 * in `em`'s transaction, if any.
 */
export async function writeRows(em: EntityManager, writes: readonly RowWrite[]): Promise<Record<string, unknown>[][]> {
  const metadata = em.getMetadata();
  const schema = em.config.get('schema');
  const params: unknown[] = [];
  const statements = writes.map((write, i) => {
    const meta = metadata.get(write.entity) as EntityMetadata<object>;
    const name = `"${meta.schema ?? schema}"."${meta.tableName}"`;
    const returning = write.returning ? ' returning *' : '';
    if ('rows' in write) {
      // No rows: nothing to write (a batch where no item made one); the write is left out of the statement.
      if (write.rows.length === 0) return undefined;
      const rows = write.rows.map((row) => columnsOf(meta, row as Record<string, unknown>, em, 'onCreate'));
      const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].map((c) => `"${c}"`).join(', ');
      params.push(JSON.stringify(rows));
      return `w${i} as (insert into ${name} (${columns}) select ${columns} from jsonb_populate_recordset(null::${name}, ?::jsonb)${returning})`;
    }
    const values = columnsOf(meta, write.changes as Record<string, unknown>, em, 'onUpdate');
    const columns = Object.keys(values).map((c) => `"${c}"`);
    if (columns.length === 0) throw new Error(`a change to ${meta.className} ${write.id} changes nothing`);
    const [pk] = meta.getPrimaryProps();
    params.push(JSON.stringify(values), write.id);
    const set = columns.length === 1 ? `${columns[0]} = given.${columns[0]}` : `(${columns.join(', ')}) = (${columns.map((c) => `given.${c}`).join(', ')})`;
    return `w${i} as (update ${name} as target set ${set} from jsonb_populate_record(null::${name}, ?::jsonb) as given
      where target."${pk!.fieldNames[0]}" = ?${write.returning ? ' returning target.*' : ''})`;
  });
  if (statements.every((statement) => statement === undefined)) return writes.map(() => []);
  const answers = writes.map((write, i) => (write.returning && statements[i] ? `coalesce((select json_agg(w${i}) from w${i}), '[]')` : `'[]'::json`));
  const [row] = await em.execute<{ written: Record<string, unknown>[][] }[]>(
    `with ${statements.filter((statement) => statement !== undefined).join(', ')} select json_build_array(${answers.join(', ')}) as written`,
    params,
  );
  const driver = em.getDriver();
  return writes.map((write, i) => (row!.written[i] ?? []).map((stored) => driver.mapResult(stored, metadata.get(write.entity)) as Record<string, unknown>));
}

function columnsOf(meta: EntityMetadata<object>, values: Record<string, unknown>, em: EntityManager, hook: 'onCreate' | 'onUpdate'): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  const properties = meta.properties as Record<string, EntityProperty<object> | undefined>;
  for (const [name, value] of Object.entries(values)) {
    const prop = properties[name];
    if (!prop) throw new Error(`${meta.className} has no property ${name}`);
    // JSON drops an undefined value, and the column would then be written as null: undefined means "not named".
    if (value !== undefined) columns[prop.fieldNames[0]!] = value;
  }
  for (const prop of meta.props) {
    const stamp = prop[hook];
    if (stamp && values[prop.name] === undefined) columns[prop.fieldNames[0]!] = stamp(values as never, em);
  }
  return columns;
}
