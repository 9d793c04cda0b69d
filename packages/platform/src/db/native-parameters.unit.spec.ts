import { JsonProperty, raw } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import { nativeStatement, type ParameterPlatform } from './native-parameters.js';

const platform: ParameterPlatform = {
  formatQuery: (sql, params) => {
    const rest = [...params];
    return sql.replace(/\?/g, () => String(rest.shift()));
  },
  quoteIdentifier: (id) => `"${id}"`,
  formatDate: (date) => `D(${date.toISOString()})`,
};

describe('a MikroORM statement as native parameters', () => {
  it('numbers the placeholders and keeps each value as a value', () => {
    expect(nativeStatement('select * from t where a = ? and b = ? and c = ?', ['x', 5, true], platform)).toEqual({
      text: 'select * from t where a = $1 and b = $2 and c = $3',
      values: ['x', 5, true],
    });
  });

  it('spreads a list over one parameter per item, as inlining spreads it over literals', () => {
    expect(nativeStatement('select * from t where id in (?) and k = ?', [['a', 'b', 'c'], 'k'], platform)).toEqual({
      text: 'select * from t where id in ($1, $2, $3) and k = $4',
      values: ['a', 'b', 'c', 'k'],
    });
  });

  it('gives objects and JSON-tagged arrays as JSON, dates as the platform writes them, big integers as text', () => {
    const tagged = Object.defineProperty([1, 2], JsonProperty, { value: true });
    const at = new Date('2026-12-06T10:00:00.000Z');
    const { values } = nativeStatement('insert into t values (?, ?, ?, ?)', [{ a: 1 }, tagged, at, 10n], platform);
    expect(values).toEqual(['{"a":1}', '[1,2]', 'D(2026-12-06T10:00:00.000Z)', '10']);
  });

  it('keeps SQL as SQL: identifiers, raw fragments and escaped question marks stay in the text', () => {
    expect(nativeStatement('select ?? from t where a = ? and b = ? and c \\? ?', ['col', raw('now() - ?', [1]), null, 'k'], platform)).toEqual({
      text: 'select "col" from t where a = now() - 1 and b = $1 and c ? $2',
      values: [null, 'k'],
    });
  });

  it('sends an undefined value as null and leaves a text without placeholders as it is', () => {
    expect(nativeStatement('update t set a = ?', [undefined], platform).values).toEqual([null]);
    expect(nativeStatement('select 1', [], platform)).toEqual({ text: 'select 1', values: [] });
  });
});
