/**
 * The providers an account can confirm it is them with (instead of a password): each provider bound to the account
 * that this server still offers, once, the one this session was signed in with first (the likeliest to be at hand).
 */
export function confirmationProviders<P extends { name: string }>(
  bound: readonly { provider: string }[],
  signedInWith: string | undefined,
  offered: readonly P[],
): P[] {
  const names = new Set(bound.map((i) => i.provider));
  const usable = offered.filter((p) => names.has(p.name));
  return usable.sort((a, b) => Number(b.name === signedInWith) - Number(a.name === signedInWith));
}
