import fc from 'fast-check';
import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { idValue, scalarValue, uuid } from './adversarial-values.js';

export interface GeneratedOperation {
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

const maxInputDepth = 3;

/** A value for an input type: mostly valid shapes, sometimes null where it is not allowed, wrong enum values, long lists. */
export function inputValue(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    return fc.oneof({ weight: 30, arbitrary: inputValue(type.ofType, depth) }, { weight: 1, arbitrary: fc.constant(null) });
  }
  const value = nonNullValue(type, depth);
  return fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
}

function nonNullValue(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return nonNullValue(type.ofType, depth);
  if (isListType(type)) {
    const item = inputValue(type.ofType as GraphQLInputType, depth + 1);
    return fc.oneof({ weight: 8, arbitrary: fc.array(item, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.array(item, { minLength: 200, maxLength: 400 }) });
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    return fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...values) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>('NOT_A_VALUE', values[0]!.toLowerCase(), 0) },
    );
  }
  if (isScalarType(type)) return scalarValue(type.name);
  if (isInputObjectType(type)) {
    if (depth >= maxInputDepth) return fc.constant({});
    const fields = Object.values(type.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of fields) record[field.name] = inputValue(field.type, depth + 1);
    const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
    return fc.record(record, { requiredKeys: required });
  }
  return fc.constant(null);
}

const noRequiredArgs = (field: GraphQLField<unknown, unknown>) => field.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined);

/** A selection set for a type: a few leaf fields, `__typename`, and now and then one nested object or fragment. */
export function selectionFor(schema: GraphQLSchema, type: GraphQLNamedType, depth: number): fc.Arbitrary<string> {
  if (isLeafType(type)) return fc.constant('');
  if (isAbstractType(type)) {
    const possible = schema.getPossibleTypes(type);
    if (possible.length === 0) return fc.constant('{ __typename }');
    return fc.constantFrom(...possible).chain((t) => selectionFor(schema, t, depth).map((inner) => `{ __typename ... on ${t.name} ${inner} }`));
  }
  const object = type as GraphQLObjectType;
  const fields = Object.values(object.getFields()).filter(noRequiredArgs);
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type))).map((f) => f.name);
  const nested = depth < 2 ? fields.filter((f) => !isLeafType(getNamedType(f.type))) : [];
  const leafPick = leaves.length ? fc.subarray(leaves, { maxLength: Math.min(4, leaves.length) }) : fc.constant<string[]>([]);
  const nestedPick = nested.length
    ? fc.option(
        fc.constantFrom(...nested).chain((f) => selectionFor(schema, getNamedType(f.type), depth + 1).map((inner) => `${f.name} ${inner}`)),
        { freq: 2 },
      )
    : fc.constant(null);
  return fc.tuple(leafPick, nestedPick).map(([picked, sub]) => `{ __typename ${picked.join(' ')}${sub ? ` ${sub}` : ''} }`);
}

/** `_entities` with representations of the schema's entity types (and junk), as a router would send them, or an attacker. */
function entitiesOperation(schema: GraphQLSchema): fc.Arbitrary<GeneratedOperation> | undefined {
  const entity = schema.getType('_Entity');
  if (!entity || !isAbstractType(entity)) return undefined;
  const types = schema.getPossibleTypes(entity);
  const representation = fc.oneof(
    { weight: 6, arbitrary: fc.record({ __typename: fc.constantFrom(...types.map((t) => t.name)), id: fc.oneof(uuid, idValue) }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>({}, { __typename: 'Nope', id: '1' }, { id: 'x' }, 'string', null) },
  );
  return fc.tuple(fc.array(representation, { minLength: 1, maxLength: 5 }), fc.constantFrom(...types)).chain(([representations, type]) =>
    selectionFor(schema, type, 1).map((selection) => ({
      query: `query Entities($r: [_Any!]!) { _entities(representations: $r) { __typename ... on ${type.name} ${selection} } }`,
      variables: { r: representations },
    })),
  );
}

/** One operation on a root field of the schema, every argument sent as a variable (so values are coerced, not validated). */
export function operationArbitrary(schema: GraphQLSchema): fc.Arbitrary<GeneratedOperation> {
  const roots = [schema.getQueryType(), schema.getMutationType()].filter((t): t is GraphQLObjectType => !!t);
  const candidates = roots.flatMap((root) =>
    Object.values(root.getFields())
      .filter((f) => !f.name.startsWith('_'))
      .map((field) => ({ root, field })),
  );
  const rootOperation = fc.constantFrom(...candidates).chain(({ root, field }) => {
    const args = field.args.map((arg, i) => ({ arg, variable: `a${i}` }));
    const values: Record<string, fc.Arbitrary<unknown>> = {};
    for (const { arg, variable } of args) values[variable] = inputValue(arg.type);
    return fc.tuple(fc.record(values, { requiredKeys: [] }), selectionFor(schema, getNamedType(field.type), 0)).map(([variables, selection]) => {
      const sent = args.filter(({ variable }) => variable in variables || isNonNullType(args.find((a) => a.variable === variable)!.arg.type));
      const definitions = sent.map(({ arg, variable }) => `$${variable}: ${String(arg.type)}`).join(', ');
      const callArgs = sent.map(({ arg, variable }) => `${arg.name}: $${variable}`).join(', ');
      const kind = root === schema.getMutationType() ? 'mutation' : 'query';
      return {
        query: `${kind} Fuzz${definitions ? `(${definitions})` : ''} { ${field.name}${callArgs ? `(${callArgs})` : ''} ${selection} }`,
        variables,
      };
    });
  });
  const entities = entitiesOperation(schema);
  return entities ? fc.oneof({ weight: 9, arbitrary: rootOperation }, { weight: 1, arbitrary: entities }) : rootOperation;
}
