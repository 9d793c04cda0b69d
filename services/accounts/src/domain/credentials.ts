export type VerifyPassword = (hash: string, password: string) => Promise<boolean>;

/**
 * Checks a sign-in attempt. An unknown email still costs one full argon2
 * verification (against a fixed dummy hash), so the response time does not
 * tell an attacker which emails have accounts. An account without a password
 * (external sign-in only, or deleted) costs the same and never matches.
 */
export async function verifyCredentials(
  account: { passwordHash?: string | null } | null,
  password: string,
  verify: VerifyPassword,
  dummyHash: string,
): Promise<boolean> {
  const matches = await verify(account?.passwordHash ?? dummyHash, password);
  return account !== null && Boolean(account.passwordHash) && matches;
}
