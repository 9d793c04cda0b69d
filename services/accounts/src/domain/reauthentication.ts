/**
 * Before something drastic (deleting the account) the customer proves it is
 * them again: their password, or, for an account bound to an external
 * identity, a sign-in at that provider made moments ago.
 */
export const reauthenticationMaxAgeSeconds = 10 * 60;

/** When the person last signed in at the provider: `auth_time` when the provider sends it, else when it issued the token. */
export function isRecentSignIn(claims: { iat?: number; auth_time?: unknown }, now: Date, maxAgeSeconds = reauthenticationMaxAgeSeconds): boolean {
  const signedInAt = typeof claims.auth_time === 'number' ? claims.auth_time : claims.iat;
  if (typeof signedInAt !== 'number') return false;
  return now.getTime() / 1000 - signedInAt <= maxAgeSeconds;
}
