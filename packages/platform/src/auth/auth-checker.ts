import type { AuthChecker } from 'type-graphql';
import type { Caller } from './caller.js';

/**
 * One authorization mechanism for every subgraph: `@Authorized('catalog:write')`
 * requires that scope; `@Authorized()` requires a signed-in caller.
 */
export const scopeAuthChecker: AuthChecker<{ caller: Caller }> = ({ context }, required) => {
  const { caller } = context;
  if (required.length === 0) return caller.id !== null;
  return required.every((scope) => caller.scopes.includes(scope));
};
