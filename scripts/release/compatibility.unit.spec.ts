import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without types
import { eventSchemaBreaks, graphqlBreaks } from './compatibility.mjs';

type Problem = { path: string; message: string };

const placedV1 = {
  type: 'object',
  properties: {
    orderId: { type: 'string', format: 'uuid' },
    status: { type: 'string', enum: ['PENDING', 'CONFIRMED'] },
    note: { type: 'string' },
    total: { type: 'object', properties: { amount: { type: 'integer' }, currency: { type: 'string' } }, required: ['amount', 'currency'] },
    lines: {
      type: 'array',
      items: { type: 'object', properties: { productId: { type: 'string' }, quantity: { type: 'integer' } }, required: ['productId', 'quantity'] },
    },
    cancelledAt: { anyOf: [{ type: 'string' }, { type: 'null' }] },
  },
  required: ['orderId', 'status', 'total', 'lines', 'cancelledAt'],
};
const changed = (edit: (schema: typeof placedV1) => void) => {
  const copy = structuredClone(placedV1);
  edit(copy);
  return copy;
};
const breaks = (current: object): Problem[] => eventSchemaBreaks(placedV1, current);

describe('eventSchemaBreaks (within one event version)', () => {
  it('accepts the same schema and additive changes: a new optional property, a new enum value, looser limits', () => {
    expect(breaks(placedV1)).toEqual([]);
    expect(
      breaks(
        changed((s) => {
          (s.properties as Record<string, unknown>).channel = { type: 'string' };
          s.properties.status.enum.push('CANCELLED');
          (s.properties.orderId as Record<string, unknown>).maxLength = 64;
        }),
      ),
    ).toEqual([]);
  });

  it('refuses a removed property, at any depth', () => {
    expect(breaks(changed((s) => delete (s.properties as Partial<typeof s.properties>).note))).toEqual([{ path: 'note', message: 'property removed' }]);
    expect(breaks(changed((s) => delete (s.properties.lines.items.properties as Record<string, unknown>).quantity))).toContainEqual({
      path: 'lines[].quantity',
      message: 'property removed',
    });
  });

  it('refuses a type change, nullability included', () => {
    expect(breaks(changed((s) => (s.properties.total.properties.amount = { type: 'string' })))).toEqual([
      { path: 'total.amount', message: 'type changed from integer to string' },
    ]);
    expect(breaks(changed((s) => (s.properties.cancelledAt = { type: 'string' } as never)))).toEqual([
      { path: 'cancelledAt', message: 'type changed from null|string to string' },
    ]);
  });

  it('refuses optional made required, a new required property, and required made optional', () => {
    expect(breaks(changed((s) => s.required.push('note')))).toEqual([{ path: 'note', message: 'optional property made required' }]);
    expect(
      breaks(
        changed((s) => {
          (s.properties as Record<string, unknown>).channel = { type: 'string' };
          s.required.push('channel');
        }),
      ),
    ).toEqual([{ path: 'channel', message: 'new required property' }]);
    expect(breaks(changed((s) => (s.required = s.required.filter((r) => r !== 'orderId'))))).toEqual([
      { path: 'orderId', message: 'required property made optional' },
    ]);
  });

  it('refuses a removed enum value', () => {
    expect(breaks(changed((s) => (s.properties.status.enum = ['PENDING'])))).toEqual([{ path: 'status', message: 'enum value "CONFIRMED" removed' }]);
  });
});

const baselineSdl = `
  type Query { product(id: ID!): Product }
  type Product {
    id: ID!
    name: String!
    legacyCode: String @deprecated(reason: "Use sku.")
    oldPrice(currency: String): Int @deprecated(reason: "Use price.")
    sku: String!
  }
  enum Status { OPEN CLOSED ARCHIVED @deprecated(reason: "Never set.") }
`;

describe('graphqlBreaks (a subgraph against its released SDL)', () => {
  it('accepts additions', async () => {
    expect(await graphqlBreaks(baselineSdl, baselineSdl.replace('sku: String!', 'sku: String!\n    series: String'))).toEqual([]);
  });

  it('refuses removing or retyping a field that was not deprecated', async () => {
    const problems: Problem[] = await graphqlBreaks(baselineSdl, baselineSdl.replace('name: String!', '').replace('sku: String!', 'sku: Int!'));
    expect(problems.map((p) => p.path).sort()).toEqual(['Product.name', 'Product.sku']);
  });

  it('accepts removing or changing what the baseline already deprecated (fields, their arguments, enum values)', async () => {
    const current = baselineSdl
      .replace('legacyCode: String @deprecated(reason: "Use sku.")', '')
      .replace('oldPrice(currency: String): Int', 'oldPrice: String')
      .replace(' ARCHIVED @deprecated(reason: "Never set.")', '');
    expect(await graphqlBreaks(baselineSdl, current)).toEqual([]);
  });

  it('refuses removing an enum value that was not deprecated', async () => {
    expect(await graphqlBreaks(baselineSdl, baselineSdl.replace('OPEN CLOSED', 'OPEN'))).toEqual([expect.objectContaining({ path: 'Status.CLOSED' })]);
  });
});
