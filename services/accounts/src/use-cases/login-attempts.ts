import type { EntityManager } from '@mikro-orm/postgresql';
import { PolicyViolation } from '@vitrine/platform';
import { verifyCredentials } from '../domain/credentials.js';
import { decideLoginThrottle, defaultThrottleRules, throttleMessage, type ThrottleDecision, type ThrottleRule } from '../domain/login-throttle.js';
import { verifyPassword } from '../security/password-hasher.js';
import { LoginAttempt } from '../store/login-attempt.entity.js';

export interface AttemptKey {
  email: string;
  clientAddress: string;
}

/**
 * One password attempt, counted by the sign-in throttle (signing in and
 * re-authenticating alike, so a stolen access token cannot guess either).
 * The throttle comes first: a locked key is refused (POLICY_VIOLATION,
 * LOGIN_THROTTLED) even with the right password. Then one argon2
 * verification whether or not the account exists (domain/credentials). A
 * wrong password is recorded; a right one forgives the account's failures.
 * Each caller words 'wrong' for its own situation.
 */
export async function attemptPassword(
  em: EntityManager,
  dummyHash: string,
  key: AttemptKey,
  account: { passwordHash?: string | null } | null,
  password: string,
): Promise<'ok' | 'wrong'> {
  const now = new Date();
  const throttle = await checkLoginThrottle(em, key, defaultThrottleRules, now);
  if (!throttle.allowed) {
    throw new PolicyViolation(throttleMessage(throttle.retryAfterSeconds), 'LOGIN_THROTTLED', { retryAfterSeconds: throttle.retryAfterSeconds });
  }
  if (!(await verifyCredentials(account, password, verifyPassword, dummyHash))) {
    await recordLoginFailure(em, key, now);
    return 'wrong';
  }
  await clearAccountFailures(em, key.email);
  return 'ok';
}

/** Loads each rule's recent failures and lets the domain decide. */
export async function checkLoginThrottle(em: EntityManager, key: AttemptKey, rules: readonly ThrottleRule[], now: Date): Promise<ThrottleDecision> {
  const recent = await Promise.all(
    rules.map(async (rule) => {
      const since = new Date(now.getTime() - rule.windowSeconds * 1000);
      const where = rule.scope === 'account' ? { email: key.email, countsForAccount: true } : { clientAddress: key.clientAddress };
      const rows = await em.find(
        LoginAttempt,
        { ...where, failedAt: { $gt: since } },
        { orderBy: { failedAt: 'desc' }, limit: rule.maxFailures, fields: ['failedAt'] },
      );
      return { rule, failedAt: rows.map((r) => r.failedAt) };
    }),
  );
  return decideLoginThrottle(recent, now);
}

/** Records a failure (rows no rule reads any more are deleted by housekeeping, not on this path attackers drive). */
export async function recordLoginFailure(em: EntityManager, key: AttemptKey, now: Date): Promise<void> {
  await em.insert(LoginAttempt, { email: key.email, clientAddress: key.clientAddress.slice(0, 64), failedAt: now, countsForAccount: true });
}

/** A successful sign-in forgives the account's failures, but not the address's (one good account must not launder an attacker's address). */
export async function clearAccountFailures(em: EntityManager, email: string): Promise<void> {
  await em.nativeUpdate(LoginAttempt, { email, countsForAccount: true }, { countsForAccount: false });
}
