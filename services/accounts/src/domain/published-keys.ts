export interface KeyLifetime {
  kid: string;
  createdAt: Date;
  retiredAt?: Date | null;
}

/**
 * Which public keys the JWKS lists: the active key, and every key retired
 * less than one access-token lifetime plus a margin ago (clock skew and JWKS
 * caching), because tokens it signed just before retiring are still valid.
 * Rotation therefore never logs anyone out.
 */
export function publishedKeys<T extends KeyLifetime>(keys: readonly T[], now: Date, accessTokenTtlSeconds: number, marginSeconds: number): T[] {
  const oldestRetirement = now.getTime() - (accessTokenTtlSeconds + marginSeconds) * 1000;
  return keys
    .filter((k) => !k.retiredAt || k.retiredAt.getTime() > oldestRetirement)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}
