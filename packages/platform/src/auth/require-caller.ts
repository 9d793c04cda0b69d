import { Forbidden, Unauthenticated } from '../errors/domain-error.js';
import type { Caller } from './caller.js';

/** The role of a partner application's token (client credentials at accounts): never a person. */
export const partnerRole = 'partner';

export const isPartner = (caller: Caller): boolean => caller.roles.includes(partnerRole);

export const partnerIsNotAPerson = 'A partner application cannot act for a customer or staff member.';

/**
 * The signed-in person's id (a customer or staff member), or UNAUTHENTICATED.
 * Resolvers behind `@Authorized()` never see an anonymous caller; this
 * narrows the type and guards a resolver that forgot the decorator. A
 * partner application is not a person: FORBIDDEN.
 */
export function requireCallerId(caller: Caller): string {
  if (caller.id === null) throw new Unauthenticated();
  if (isPartner(caller)) throw new Forbidden(partnerIsNotAPerson);
  return caller.id;
}

/** The partner application's id (its token's subject), for the resolvers made for partners; anyone else: FORBIDDEN. */
export function requirePartner(caller: Caller): string {
  if (caller.id === null) throw new Unauthenticated();
  if (!isPartner(caller)) throw new Forbidden('Only a partner application can do this; sign in with its client credentials.');
  return caller.id;
}

/** Who acts, for the audit trail, on a scoped back-office field: a staff member, or a partner application holding the scope. */
export function requireActorId(caller: Caller): string {
  if (caller.id === null) throw new Unauthenticated();
  return caller.id;
}
