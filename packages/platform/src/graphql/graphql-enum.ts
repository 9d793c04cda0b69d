import { registerEnumType } from 'type-graphql';

/** A GraphQL enum whose values are the domain's own strings (no TypeScript enum), registered once with its descriptions. */
export function graphqlEnum<V extends string>(values: readonly V[], config: Parameters<typeof registerEnumType<Record<V, V>>>[1]): Record<V, V> {
  const enumObject = Object.fromEntries(values.map((v) => [v, v])) as Record<V, V>;
  registerEnumType(enumObject, config);
  return enumObject;
}
