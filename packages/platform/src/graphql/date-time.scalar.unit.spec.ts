import { graphql, GraphQLSchema, GraphQLObjectType, GraphQLString } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateTimeScalar, parseInstant } from './date-time.scalar.js';

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      echo: { type: GraphQLString, args: { at: { type: DateTimeScalar } }, resolve: (_, { at }: { at: Date }) => at.toISOString() },
    },
  }),
});

describe('the platform date-time scalar', () => {
  it.each([
    ['2027-03-01T09:00:00Z', '2027-03-01T09:00:00.000Z'],
    ['2027-03-01T09:00:00.123+09:00', '2027-03-01T00:00:00.123Z'],
    ['1900-01-01T00:00:00Z', '1900-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59Z', '9999-12-31T23:59:59.000Z'],
    ['2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z'],
  ])('accepts %s', (input, iso) => {
    expect((parseInstant(input) as Date).toISOString()).toBe(iso);
  });

  it.each([
    'yesterday',
    '',
    '0000-01-01T00:00:00Z',
    '1899-12-31T23:59:59Z',
    '+010000-01-01T00:00:00Z',
    '2027-02-30T00:00:00Z',
    '2027-13-01T00:00:00Z',
    '2027-03-01T24:00:00Z',
    '2027-03-01',
    '2027-03-01T09:00:00',
    '2027-03-01T09:00:00Z\u0000',
    `2027-03-01T09:00:00.${'1'.repeat(100)}Z`,
  ])('refuses %j', (input) => {
    expect(typeof parseInstant(input)).toBe('string');
  });

  it('refuses non-strings', () => {
    for (const value of [0, 1_700_000_000_000, null, true, {}]) expect(typeof parseInstant(value)).toBe('string');
  });

  it('refuses a bad variable as BAD_USER_INPUT before the resolver runs', async () => {
    const result = await graphql({ schema, source: 'query($at: DateTimeISO) { echo(at: $at) }', variableValues: { at: '0000-01-01T00:00:00Z' } });
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(/between the years 1900 and 9999/);
  });

  it('refuses a bad literal during validation', async () => {
    const result = await graphql({ schema, source: '{ echo(at: "yesterday") }' });
    expect(result.errors?.[0]?.message).toMatch(/ISO 8601/);
  });

  it('serialises as an ISO string and keeps the name DateTimeISO', async () => {
    expect(DateTimeScalar.name).toBe('DateTimeISO');
    expect(DateTimeScalar.serialize(new Date('2027-03-01T09:00:00Z'))).toBe('2027-03-01T09:00:00.000Z');
    expect((await graphql({ schema, source: '{ echo(at: "2027-03-01T09:00:00Z") }' })).data).toEqual({ echo: '2027-03-01T09:00:00.000Z' });
  });
});
