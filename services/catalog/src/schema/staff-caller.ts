import { Unauthenticated, type Caller } from '@vitrine/platform';

/** The signed-in staff member's id (mutations are already `@Authorized` with a scope, so this is a safety net). */
export function staffId(caller: Caller): string {
  if (caller.id === null) throw new Unauthenticated();
  return caller.id;
}
