import { Authorized } from 'type-graphql';
import { canAccessOwnedBy } from './auth-checker.js';
import type { Caller } from './caller.js';

/**
 * Authorization typed by the scopes a service declares in its identity:
 * `export const { Staff } = scopedAuthorization(catalog)`, then
 * `@Staff('catalog:write')` on a query, mutation or field. A scope the service
 * does not declare is a TypeScript error (and a raw `@Authorized('...')` is
 * refused by ESLint, and by the schema build if undeclared).
 */
// What `@Authorized(...)` returns (type-graphql does not export the name).
type AuthorizedDecorator = PropertyDecorator & MethodDecorator & ClassDecorator;

export interface ScopedAuthorization<TScope extends string> {
  /** A signed-in caller holding every one of these scopes (anonymous: UNAUTHENTICATED, missing scope: FORBIDDEN). */
  Staff(scope: TScope, ...more: TScope[]): AuthorizedDecorator;
  /** The owner of the data, or staff holding the scope. */
  canAccessOwnedBy(caller: Caller, ownerId: string | null, staffScope: TScope): boolean;
}

// The identity is only read for its type: the scopes it declares.
export function scopedAuthorization<TScope extends string>(_identity: { readonly scopes: readonly TScope[] }): ScopedAuthorization<TScope> {
  return {
    Staff: (scope, ...more) => Authorized<TScope>(scope, ...more),
    canAccessOwnedBy: (caller, ownerId, staffScope) => canAccessOwnedBy(caller, ownerId, staffScope),
  };
}
