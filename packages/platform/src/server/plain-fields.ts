import { getMetadataStorage } from 'type-graphql';

/**
 * Marks every `@Field` that only reads its property as type-graphql's "simple" field: graphql's default resolver
 * reads it, instead of type-graphql's wrapper, which builds a resolver-data object and runs an empty middleware chain
 * for each field of each object answered (a listing page of 50 products: hundreds per request).
 *
 * Left as they are: a field guarded by `@Authorized`/`@Staff` or `@UseMiddleware`, on itself or on its class (the
 * wrapper runs those), one named in the schema unlike its property (the default resolver reads the schema's name),
 * and one already set either way. A `@FieldResolver` (or a `@Field` method) takes precedence over either. No schema
 * here has global middlewares, which simple fields would skip: `buildFederatedSchema` passes none.
 *
 * type-graphql's metadata is global to the process and the marking the same whatever the schema, so marking again
 * (several schemas in one process, as in tests) changes nothing.
 */
export function readPlainFieldsDirectly(): void {
  const storage = getMetadataStorage();
  const guarded = new Map<unknown, Set<string>>();
  for (const { target, fieldName } of [...storage.authorizedFields, ...storage.middlewares]) {
    guarded.set(target, (guarded.get(target) ?? new Set()).add(fieldName));
  }
  // On a whole class, they guard each of its fields.
  const guardedClasses = new Set<unknown>([...storage.authorizedResolver, ...storage.resolverMiddlewares].map((m) => m.target));
  for (const field of storage.fields) {
    if (field.simple !== undefined || field.schemaName !== field.name) continue;
    if (guardedClasses.has(field.target) || guarded.get(field.target)?.has(field.name)) continue;
    field.simple = true;
  }
}
