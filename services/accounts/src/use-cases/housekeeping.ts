import type { EntityManager } from '@mikro-orm/postgresql';
import { defaultThrottleRules, oldestFailureStillRead } from '../domain/login-throttle.js';
import { AccountToken } from '../store/account-token.entity.js';
import { LoginAttempt } from '../store/login-attempt.entity.js';
import { RefreshToken } from '../store/refresh-token.entity.js';

/**
 * Accounts' rows past their use, deleted in the platform's housekeeping
 * round: failed sign-ins no throttle rule reads any more, and refresh tokens
 * that have expired (refused whatever their state, so a replay of one needs
 * no reuse detection), and expired emailed-link tokens.
 */
export async function purgeAccountsRows(em: EntityManager, now = new Date()): Promise<Record<string, number>> {
  const loginAttempts = await em.nativeDelete(LoginAttempt, { failedAt: { $lt: oldestFailureStillRead(defaultThrottleRules, now) } });
  const refreshTokens = await em.nativeDelete(RefreshToken, { expiresAt: { $lt: now } });
  // Emailed links past their expiry (used or not) are refused whatever their state.
  const accountTokens = await em.nativeDelete(AccountToken, { expiresAt: { $lt: now } });
  return { loginAttempts, refreshTokens, accountTokens };
}
