import type { AuthChecker } from 'type-graphql';
import { Forbidden, Unauthenticated } from '../errors/domain-error.js';
import type { Caller } from './caller.js';
import { isPartner, partnerIsNotAPerson } from './require-caller.js';

/**
 * One authorization mechanism for every subgraph: `@Authorized()` requires a
 * signed-in caller, `@Authorized('catalog:write')` requires that scope too.
 * Anonymous callers get UNAUTHENTICATED (sign in); signed-in callers without
 * the scope get FORBIDDEN. A partner application's token is not a person's:
 * FORBIDDEN on `@Authorized()`; it passes a scoped field only with a scope its
 * credential was granted (e.g. a logistics partner recording parcels).
 */
export const scopeAuthChecker: AuthChecker<{ caller: Caller }> = ({ context }, required) => {
  const { caller } = context;
  if (caller.id === null) throw new Unauthenticated();
  // A partner application passes only fields that need a scope its credential was granted, never a person's field.
  if (isPartner(caller) && required.length === 0) throw new Forbidden(partnerIsNotAPerson);
  return required.every((scope) => caller.scopes.includes(scope));
};

/** Ownership rule shared by resolvers: the owner, or staff holding the scope. */
export function canAccessOwnedBy(caller: Caller, ownerId: string | null, staffScope: string): boolean {
  return (caller.id !== null && caller.id === ownerId) || caller.scopes.includes(staffScope);
}
