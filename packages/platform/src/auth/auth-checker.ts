import type { AuthChecker } from 'type-graphql';
import { Forbidden, Unauthenticated } from '../errors/domain-error.js';
import type { Caller } from './caller.js';
import { isPartner, partnerIsNotAPerson } from './require-caller.js';

/**
 * One authorization mechanism for every subgraph: `@Authorized()` requires a
 * signed-in caller, `@Authorized('catalog:write')` requires that scope too.
 * Anonymous callers get UNAUTHENTICATED (sign in); signed-in callers without
 * the scope get FORBIDDEN. A partner application's token gets FORBIDDEN here:
 * it acts only through the resolvers made for partners (`requirePartner`).
 */
export const scopeAuthChecker: AuthChecker<{ caller: Caller }> = ({ context }, required) => {
  const { caller } = context;
  if (caller.id === null) throw new Unauthenticated();
  if (isPartner(caller)) throw new Forbidden(partnerIsNotAPerson);
  return required.every((scope) => caller.scopes.includes(scope));
};

/** Ownership rule shared by resolvers: the owner, or staff holding the scope. */
export function canAccessOwnedBy(caller: Caller, ownerId: string | null, staffScope: string): boolean {
  return (caller.id !== null && caller.id === ownerId) || caller.scopes.includes(staffScope);
}
