import { Unauthenticated } from '../errors/domain-error.js';
import type { Caller } from './caller.js';

/**
 * The signed-in caller's id, or UNAUTHENTICATED. Resolvers behind
 * `@Authorized()` never see an anonymous caller; this narrows the type and
 * guards a resolver that forgot the decorator.
 */
export function requireCallerId(caller: Caller): string {
  if (caller.id === null) throw new Unauthenticated();
  return caller.id;
}
