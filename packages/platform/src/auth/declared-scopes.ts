import type { GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/** A decorated class, as type-graphql's metadata holds it. */
type ClassTarget = ReturnType<typeof getMetadataStorage>['authorizedFields'][number]['target'];

export interface UndeclaredScope {
  /** `Class.field` (or the class, for a class-level `@Authorized`). */
  where: string;
  scope: string;
}

/**
 * Every `@Authorized` scope in this schema that the service does not declare.
 * type-graphql's metadata is global to the process, so only the given resolver
 * classes and the classes of types present in the schema (and their parents) count.
 */
export function findUndeclaredScopes(schema: GraphQLSchema, resolvers: readonly unknown[], declared: readonly string[]): UndeclaredScope[] {
  const storage = getMetadataStorage();
  const typeNames = new Set(Object.keys(schema.getTypeMap()));
  const classes = new Set<ClassTarget>(resolvers.filter((r): r is ClassTarget => typeof r === 'function'));
  for (const type of [...storage.objectTypes, ...storage.interfaceTypes, ...storage.inputTypes]) {
    if (typeNames.has(type.name)) classes.add(type.target);
  }
  const inSchema = (target: ClassTarget) => [...classes].some((cls) => cls === target || cls.prototype instanceof target);
  const required = [
    ...storage.authorizedFields.filter((a) => inSchema(a.target)).map((a) => ({ where: `${a.target.name}.${a.fieldName}`, roles: a.roles })),
    ...storage.authorizedResolver.filter((a) => inSchema(a.target)).map((a) => ({ where: a.target.name, roles: a.roles })),
  ];
  return required.flatMap(({ where, roles }) => roles.filter((role) => !declared.includes(String(role))).map((role) => ({ where, scope: String(role) })));
}

/** Fails the schema build (and so `npm run build` and a service's start) on a scope the service does not declare. */
export function assertDeclaredScopes(serviceName: string, schema: GraphQLSchema, resolvers: readonly unknown[], declared: readonly string[]): void {
  const undeclared = findUndeclaredScopes(schema, resolvers, declared);
  if (undeclared.length === 0) return;
  const list = undeclared.map((u) => `"${u.scope}" on ${u.where}`).join(', ');
  throw new Error(
    `${serviceName} requires scopes it does not declare: ${list}. Declared: ${declared.join(', ') || '(none)'}. ` +
      `Fix the typo, or add the scope to the service's identity (scopes) and have accounts grant it.`,
  );
}
