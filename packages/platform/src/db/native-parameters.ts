import { isRaw, JsonProperty, Utils } from '@mikro-orm/core';

/** What a statement needs of MikroORM's platform to keep its own meaning of each parameter. */
export interface ParameterPlatform {
  formatQuery(sql: string, params: readonly unknown[]): string;
  quoteIdentifier(id: string): string;
  formatDate(date: Date): string;
}

export interface NativeStatement {
  text: string;
  values: unknown[];
}

/**
 * A MikroORM statement (`?` placeholders) as PostgreSQL's own parameters (`$1`, ...), each value meaning what
 * MikroORM's inlining would have made of it: a list (`in (?)`) becomes one parameter per item, a plain object or a
 * JSON-tagged value its JSON, a date the platform's date text, `??` a quoted identifier and a raw fragment its SQL
 * (both still inline: they are SQL, not values), `\?` a literal question mark. MikroORM inlines every value, so
 * PostgreSQL parsed and planned each statement afresh: a third of its CPU per order in the bench. With parameters,
 * the same text recurs and can be a prepared statement (`prepared-statements.ts`).
 */
export function nativeStatement(sql: string, params: readonly unknown[], platform: ParameterPlatform): NativeStatement {
  const values: unknown[] = [];
  const parameter = (value: unknown): string => {
    values.push(value);
    return `$${values.length}`;
  };
  const place = (value: unknown): string => {
    if (isRaw(value)) return platform.formatQuery(value.sql, value.params);
    if (Utils.isPlainObject(value) || (value as Record<symbol, unknown> | null)?.[JsonProperty]) return parameter(JSON.stringify(value));
    if (Array.isArray(value)) return value.map(place).join(', ');
    if (value instanceof Date) return parameter(platform.formatDate(value));
    if (typeof value === 'bigint') return parameter(value.toString());
    return parameter(value ?? null);
  };
  let text = '';
  let next = 0;
  let from = 0;
  for (let at = sql.indexOf('?'); at !== -1; at = sql.indexOf('?', from)) {
    if (at > 0 && sql[at - 1] === '\\') {
      text += `${sql.slice(from, at - 1)}?`;
      from = at + 1;
    } else if (sql[at + 1] === '?') {
      text += sql.slice(from, at) + platform.quoteIdentifier(params[next++] as string);
      from = at + 2;
    } else {
      text += sql.slice(from, at) + place(params[next++]);
      from = at + 1;
    }
  }
  return { text: text + sql.slice(from), values };
}
