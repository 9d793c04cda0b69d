import { Unauthenticated, type Caller } from '@vitrine/platform';

/** The signed-in caller's id, or UNAUTHENTICATED (the platform's `@Authorized()` would answer FORBIDDEN for anonymous callers). */
export function requireSignedIn(caller: Caller): string {
  if (caller.id === null) throw new Unauthenticated();
  return caller.id;
}
