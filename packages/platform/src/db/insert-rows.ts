import type { EntityClass, EntityMetadata } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Rows of one entity's table: property names (a many-to-one by the id it points to) to values. */
export interface TableRows<T extends object> {
  entity: EntityClass<T>;
  rows: readonly { readonly [K in keyof T]?: unknown }[];
  /** Hand the rows back as stored (defaults filled in), mapped to properties like a read. */
  returning?: boolean;
}

/** Rows for `insertRows`, their property names checked against the entity. */
export function rowsOf<T extends object>(entity: EntityClass<T>, rows: TableRows<T>['rows'], options: { returning?: boolean } = {}): TableRows<T> {
  return { entity, rows, ...options };
}

/**
 * Inserts rows into several tables in one statement (one round trip, one
 * parse), each table's rows sent as one JSON document and spread by
 * `jsonb_populate_recordset` over the table's own row type: a unit of work
 * per request cost more CPU than the request's own rules on the hot write
 * paths (checkout). Tables are written in the order given and foreign keys
 * are checked at the end of the statement, so a row may point to one written
 * beside it. A column is written when any row names its property (the others
 * get null there); one no row names takes its database default, and an
 * unnamed property with an `onCreate` hook (timestamps) gets the hook's value.
 * Nothing goes through the identity map: what the rows become is only what
 * `returning` hands back. It runs in `em`'s transaction, if any.
 */
export async function insertRows(em: EntityManager, tables: readonly TableRows<object>[]): Promise<Record<string, unknown>[][]> {
  const metadata = em.getMetadata();
  const schema = em.config.get('schema');
  const params: string[] = [];
  const writes = tables.map((table, i) => {
    const meta = metadata.get(table.entity) as EntityMetadata<object>;
    const rows = table.rows.map((row) => columnsOf(meta, row as Record<string, unknown>, em));
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].map((c) => `"${c}"`).join(', ');
    const name = `"${meta.schema ?? schema}"."${meta.tableName}"`;
    params.push(JSON.stringify(rows));
    return `w${i} as (insert into ${name} (${columns}) select ${columns} from jsonb_populate_recordset(null::${name}, ?::jsonb)${table.returning ? ' returning *' : ''})`;
  });
  const answers = tables.map((table, i) => (table.returning ? `coalesce((select json_agg(w${i}) from w${i}), '[]')` : `'[]'::json`));
  const [row] = await em.execute<Record<string, unknown[]>[]>(`with ${writes.join(', ')} select json_build_array(${answers.join(', ')}) as written`, params);
  const written = (row!.written as Record<string, unknown>[][]) ?? [];
  const driver = em.getDriver();
  return tables.map((table, i) => (written[i] ?? []).map((stored) => driver.mapResult(stored, metadata.get(table.entity)) as Record<string, unknown>));
}

function columnsOf(meta: EntityMetadata<object>, row: Record<string, unknown>, em: EntityManager): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    const prop = (meta.properties as Record<string, EntityMetadata<object>['props'][number] | undefined>)[name];
    if (!prop) throw new Error(`${meta.className} has no property ${name}`);
    columns[prop.fieldNames[0]!] = value;
  }
  for (const prop of meta.props) {
    if (prop.onCreate && !(prop.name in row)) columns[prop.fieldNames[0]!] = prop.onCreate(row as never, em);
  }
  return columns;
}
