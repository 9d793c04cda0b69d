import fc from 'fast-check';

/**
 * Values a careless or hostile client sends, per scalar: boundaries, the
 * wrong type, huge and odd strings. Each arbitrary mostly makes plausible
 * values (so requests get past coercion and reach resolvers) and sometimes
 * adversarial ones.
 */

const int32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

export const hugeString = fc.constantFrom(5_000, 20_000, 100_000).map((n) => 'x'.repeat(n));

/** Strings that break naive code: NUL and control characters, unicode, lone surrogates, SQL and template syntax. */
export const oddString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u202e\u200b',
    '\ud800',
    '\udfff',
    '%',
    '_',
    "'; drop table customer; --",
    '${7*7}{{7*7}}',
    '../../etc/passwd',
    'Lumière',
    'ＡＢＣ',
    '😀'.repeat(300),
    '   padded   ',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const plausibleString = fc.oneof(fc.string({ maxLength: 24 }), fc.constantFrom('FR', 'JP', 'US', 'USD', 'EUR', 'Demon Slayer', 'admin@vitrine.test', 'SKU-1'));

export const stringValue = fc.oneof({ weight: 6, arbitrary: plausibleString }, { weight: 3, arbitrary: oddString }, { weight: 1, arbitrary: hugeString });

export const intValue = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 200 }) },
  { weight: 3, arbitrary: fc.constantFrom(0, -1, 1, int32.min, int32.max, 1_000_000, 999_999_999) },
  { weight: 2, arbitrary: fc.integer(int32) },
  // Not Int at all: coercion must refuse them.
  { weight: 1, arbitrary: fc.constantFrom<unknown>(2 ** 31, -(2 ** 53), 1.5, '12', true, Number.MAX_SAFE_INTEGER) },
);

export const floatValue = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom<unknown>(0, -0, 1e308, -1e308, 5e-324, '1.0'));

export const booleanValue = fc.oneof({ weight: 9, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom<unknown>('true', 0, 1) });

export const uuid = fc.uuid({ version: [4, 7] });

/** Ids of things that exist (the stack's customers, warehouses, a product), so some operations get past NOT_FOUND. */
let knownIds: fc.Arbitrary<unknown> = uuid;
export function useKnownIds(ids: readonly string[]): void {
  if (ids.length) knownIds = fc.constantFrom(...ids);
  idValue = makeIdValue();
}

const makeIdValue = () =>
  fc.oneof(
    { weight: 4, arbitrary: knownIds },
    { weight: 3, arbitrary: uuid },
    { weight: 2, arbitrary: fc.constantFrom<unknown>('00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF', '1', 0, 42, '') },
    { weight: 2, arbitrary: oddString },
    { weight: 1, arbitrary: hugeString },
  );
export let idValue = makeIdValue();

const isoAround = fc.date({ min: new Date('1899-06-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());

export const dateTimeValue = fc.oneof(
  { weight: 5, arbitrary: isoAround },
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(
      'yesterday',
      '0000-01-01T00:00:00Z',
      '0001-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      '+275760-09-13T00:00:00Z',
      '-000001-01-01T00:00:00Z',
      '2027-02-30T00:00:00Z',
      '2027-03-01',
      '2027-03-01T25:00:00Z',
      '2027-03-01T09:00:00+99:00',
      1_700_000_000_000,
      '',
    ),
  },
  { weight: 1, arbitrary: oddString },
);

export const jsonObjectValue = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.constantFrom<unknown>({}, { preset: 'deposit-store' }, [], 'not an object'),
);

export function scalarValue(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'Int':
      return intValue;
    case 'Float':
      return floatValue;
    case 'Boolean':
      return booleanValue;
    case 'ID':
      return idValue;
    case 'DateTimeISO':
      return dateTimeValue;
    case 'JSONObject':
      return jsonObjectValue;
    default:
      return stringValue;
  }
}
