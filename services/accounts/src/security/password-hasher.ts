import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

/**
 * argon2id with OWASP's minimum parameters (m=19 MiB, t=2, p=1). The
 * algorithm option is left to the library default, argon2id, because the
 * package ships it as an ambient const enum that isolatedModules cannot read;
 * the tests check the `$argon2id$` prefix of the stored hash.
 */
export const argon2Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

/** False, never an exception, for a malformed stored hash: a sign-in attempt is not the place to crash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password nobody knows, with the same parameters as real
 * ones, so verifying against it for an unknown email costs what a real
 * verification costs. Computed once at start.
 */
export function createDummyHash(): Promise<string> {
  return hashPassword(randomBytes(32).toString('base64url'));
}
