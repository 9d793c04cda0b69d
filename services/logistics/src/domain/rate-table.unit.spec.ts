import { describe, expect, it } from 'vitest';
import { checkRateTable } from './rate-table.js';
import { testTable } from './test-table.fixture.js';

const reasons = (table = testTable()) => checkRateTable(table).map((p) => `${p.field}:${p.reason}`);

describe('checkRateTable', () => {
  it('accepts a well-formed table', () => {
    expect(reasons()).toEqual([]);
  });

  it('refuses a country in two zones and a second rest of the world', () => {
    const table = testTable();
    table.zones.push({ code: 'MORE', name: 'More', countries: ['DE'] }, { code: 'ELSE', name: 'Else', countries: [] });
    expect(reasons(table)).toEqual(['zones.2.countries.0:COUNTRY_IN_TWO_ZONES', 'zones:TWO_REST_OF_WORLD']);
  });

  it('refuses brackets out of order or cheaper when heavier, unknown zones and a zero divisor', () => {
    const table = testTable();
    const method = table.methods[0]!;
    method.volumetricDivisor = 0;
    method.rates[0]!.brackets = [
      { upToGrams: 2_000, amount: 1_500 },
      { upToGrams: 1_000, amount: 1_000 },
      { upToGrams: 3_000, amount: 900 },
    ];
    method.rates[1]!.zone = 'MARS';
    expect(reasons(table)).toEqual([
      'methods.0.volumetricDivisor:OUT_OF_RANGE',
      'methods.0.rates.0.brackets.1.upToGrams:NOT_ASCENDING',
      'methods.0.rates.0.brackets.1.amount:CHEAPER_WHEN_HEAVIER',
      'methods.0.rates.0.brackets.2.amount:CHEAPER_WHEN_HEAVIER',
      'methods.0.rates.1.zone:UNKNOWN_ZONE',
    ]);
  });

  it('refuses a method offered twice from one origin, a bad country and a negative reference item', () => {
    const table = testTable();
    table.methods.push({ ...table.methods[1]! });
    table.zones[0]!.countries.push('XX');
    table.referenceItem.dimensions.heightMm = -1;
    expect(reasons(table)).toEqual(['referenceItem.dimensions.heightMm:OUT_OF_RANGE', 'zones.0.countries.2:UNKNOWN_COUNTRY', 'methods.2.code:DUPLICATE']);
  });
});
