import type { EntityManager } from '@mikro-orm/postgresql';
import { PolicyViolation } from '@vitrine/platform';
import { verifyCredentials } from '../domain/credentials.js';
import {
  decideLoginThrottle,
  defaultThrottleRules,
  throttleMessage,
  type RecentFailures,
  type ThrottleDecision,
  type ThrottleRule,
} from '../domain/login-throttle.js';
import { verifyPassword } from '../security/password-hasher.js';
import { LoginAttempt } from '../store/login-attempt.entity.js';

export interface AttemptKey {
  email: string;
  clientAddress: string;
}

/**
 * One password attempt, counted by the sign-in throttle (signing in,
 * re-authenticating and changing the password alike, so a stolen access token
 * cannot guess either). The throttle comes first: an attempt that must wait is
 * refused (POLICY_VIOLATION, LOGIN_THROTTLED) even with the right password.
 * Then one argon2 verification whether or not the account exists
 * (domain/credentials). A wrong password is recorded; a right one forgives
 * this address's failures on the account. Each caller words 'wrong' for its
 * own situation.
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
  await forgivePairFailures(em, key);
  return 'ok';
}

interface FailureSummary {
  count: string | number;
  latest: string | Date | null;
  addresses: string | number;
}

/** Counts each rule's failures in its window (one aggregate query per rule) and lets the domain decide. */
export async function checkLoginThrottle(em: EntityManager, key: AttemptKey, rules: readonly ThrottleRule[], now: Date): Promise<ThrottleDecision> {
  const table = `"${em.config.get('schema') ?? 'accounts'}".login_attempt`;
  const recent = await Promise.all(
    rules.map(async (rule): Promise<RecentFailures> => {
      const since = new Date(now.getTime() - rule.windowSeconds * 1000).toISOString();
      const [where, params] =
        rule.scope === 'pair'
          ? ['email = ? and client_address = ? and counts_for_account', [key.email, key.clientAddress.slice(0, 64)]]
          : rule.scope === 'account'
            ? ['email = ? and counts_for_account', [key.email]]
            : ['client_address = ?', [key.clientAddress.slice(0, 64)]];
      const [row] = await em.execute<FailureSummary[]>(
        `select count(*) as count, max(failed_at) as latest, count(distinct client_address) as addresses
           from ${table} where ${where} and failed_at > ?::timestamptz`,
        [...params, since],
      );
      return {
        rule,
        count: Number(row?.count ?? 0),
        latest: row?.latest ? new Date(row.latest) : null,
        distinctAddresses: Number(row?.addresses ?? 0),
      };
    }),
  );
  return decideLoginThrottle(recent, now);
}

/** Records a failure (rows no rule reads any more are deleted by housekeeping, not on this path attackers drive). */
export async function recordLoginFailure(em: EntityManager, key: AttemptKey, now: Date): Promise<void> {
  await em.insert(LoginAttempt, { email: key.email, clientAddress: key.clientAddress.slice(0, 64), failedAt: now, countsForAccount: true });
}

/**
 * A successful sign-in forgives the failures from this address on this
 * account, and nothing else: not the address's failures on other accounts
 * (one good account must not launder an attacker's address), nor other
 * addresses' failures on this account.
 */
export async function forgivePairFailures(em: EntityManager, key: AttemptKey): Promise<void> {
  await em.nativeUpdate(LoginAttempt, { email: key.email, clientAddress: key.clientAddress.slice(0, 64), countsForAccount: true }, { countsForAccount: false });
}

/** A password reset (the owner proved they read the account's email) forgives every failure counted against the account. */
export async function forgiveAccountFailures(em: EntityManager, email: string): Promise<void> {
  await em.nativeUpdate(LoginAttempt, { email, countsForAccount: true }, { countsForAccount: false });
}
