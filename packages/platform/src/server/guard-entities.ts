import { Kind, isObjectType, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { BadUserInput } from '../errors/domain-error.js';
import { isUuid } from '../graphql/ids.js';

/**
 * `_entities` is public on a subgraph reached directly: @apollo/subgraph
 * throws plain errors (an internal error to the caller) for a representation
 * naming no entity type, and a key field left out becomes a null in a
 * non-null field. Representations are checked first: an object whose
 * `__typename` is an entity of this subgraph and that carries its key fields
 * as strings (a router always sends IDs so), an `id` being a UUID; anything
 * else is BAD_USER_INPUT.
 */
export function guardEntities(schema: GraphQLSchema): GraphQLSchema {
  const entities = schema.getQueryType()?.getFields()['_entities'];
  if (!entities?.resolve) return schema;
  const keysByType = new Map<string, string[]>();
  const union = schema.getType('_Entity');
  for (const type of union && 'getTypes' in union ? (union as { getTypes(): readonly GraphQLObjectType[] }).getTypes() : []) {
    if (isObjectType(type)) keysByType.set(type.name, keyFieldsOf(type));
  }
  const resolve = entities.resolve as GraphQLFieldResolver<unknown, unknown, { representations: unknown }>;
  entities.resolve = (source, args, context, info) => {
    const representations = Array.isArray(args.representations) ? args.representations : [];
    representations.forEach((representation: unknown, i: number) => {
      const problem = representationProblem(representation, keysByType);
      if (problem)
        throw new BadUserInput('This entity reference is not valid.', [{ field: `representations.${i}`, reason: problem.reason, message: problem.message }]);
    });
    return resolve(source, args, context, info);
  };
  return schema;
}

function representationProblem(representation: unknown, keysByType: ReadonlyMap<string, string[]>): { reason: string; message: string } | undefined {
  if (typeof representation !== 'object' || representation === null || Array.isArray(representation))
    return { reason: 'NOT_AN_OBJECT', message: 'A representation is an object.' };
  const { __typename: typename } = representation as Record<string, unknown>;
  const keys = typeof typename === 'string' ? keysByType.get(typename) : undefined;
  if (!keys) return { reason: 'UNKNOWN_TYPE', message: 'No entity of that type here.' };
  const missing = keys.filter((key) => typeof (representation as Record<string, unknown>)[key] !== 'string');
  if (missing.length) return { reason: 'MISSING_KEY', message: `A ${typename} is referenced by ${keys.join(', ')}.` };
  // Every entity of the platform is keyed by a UUID id: anything else names nothing (and would reach a uuid column).
  if (keys.includes('id') && !isUuid((representation as Record<string, string>)['id']!))
    return { reason: 'INVALID_ID', message: `That is not a ${typename} id.` };
  return undefined;
}

/** The fields of a simple `@key(fields: "id")`, from the type's SDL. */
function keyFieldsOf(type: GraphQLObjectType): string[] {
  const nodes = [type.astNode, ...(type.extensionASTNodes ?? [])];
  for (const node of nodes) {
    for (const directive of node?.directives ?? []) {
      if (directive.name.value !== 'key') continue;
      const fields = directive.arguments?.find((a) => a.name.value === 'fields')?.value;
      if (fields?.kind === Kind.STRING && !/[{}]/.test(fields.value)) return fields.value.split(/\s+/).filter(Boolean);
    }
  }
  return [];
}
