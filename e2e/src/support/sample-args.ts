import { randomUUID } from 'node:crypto';
import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLArgument, type GraphQLInputType } from 'graphql';

/**
 * A well-typed value for an input type, so a request passes GraphQL's own
 * validation and reaches the resolver's authorization check. Optional
 * input fields are left out; the values mean nothing.
 */
export function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type));
    return Object.fromEntries(fields.map((f) => [f.name, sampleValue(f.type)]));
  }
  if (isScalarType(type)) return sampleScalar(type.name);
  throw new Error(`No sample for ${getNamedType(type)}`);
}

function sampleScalar(name: string): unknown {
  switch (name) {
    case 'ID':
      return randomUUID();
    case 'Int':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return false;
    case 'DateTimeISO':
    case 'Date':
    case 'DateTime':
      return new Date(Date.now() + 86_400_000).toISOString();
    default:
      return 'sample';
  }
}

/** `mutation($a: T!, ...) { field(a: $a, ...) { __typename } }` (or a query) plus sample variables for every argument. */
export function sampleOperation(
  field: string,
  args: readonly GraphQLArgument[],
  returnsObject: boolean,
  operation: 'mutation' | 'query' = 'mutation',
): { query: string; variables: Record<string, unknown> } {
  const declared = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = returnsObject ? ' { __typename }' : '';
  const query = `${operation}${declared ? `(${declared})` : ''} { ${field}${passed ? `(${passed})` : ''}${selection} }`;
  return { query, variables: Object.fromEntries(args.map((a) => [a.name, sampleValue(a.type)])) };
}
