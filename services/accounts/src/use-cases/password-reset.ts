import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { normaliseEmail, passwordChangedV1, passwordResetRequestedV1 } from '@vitrine/contracts';
import { BadUserInput, onTimer, scheduleTimer, type DueTimer } from '@vitrine/platform';
import type { AccountsRuntime } from '../config/accounts-runtime.js';
import { mayEmailAnotherLink } from '../domain/account-token.js';
import { checkNewPassword } from '../domain/new-password.js';
import { hashPassword } from '../security/password-hasher.js';
import { Customer } from '../store/customer.entity.js';
import { RefreshToken } from '../store/refresh-token.entity.js';
import { accounts } from '../identity.js';
import { findActiveCustomer } from './active-customer.js';
import { checkAccountToken, consumeAccountToken, countIssuedSince, issueAccountToken, retireAccountTokens } from './account-tokens.js';
import { issueSession, type Session } from './issue-session.js';
import { forgiveAccountFailures } from './login-attempts.js';

/** The timer that turns a reset request into a link, after the answer has gone. */
export const passwordResetTimer = 'accounts.password-reset-requested';

/**
 * "Forgot password": answers at once, the same way, with the same work
 * (one timer scheduled) whether or not an account has the email, so neither
 * the answer nor its timing tells anyone which emails have accounts. The
 * timer (below) then looks the email up. Requests for one email while one is
 * pending are merged (the timer's key is the email's hash).
 */
export async function requestPasswordReset(em: EntityManager, email: string): Promise<void> {
  const normalised = normaliseEmail(email);
  const key = createHash('sha256').update(normalised).digest('hex');
  await scheduleTimer(em, { kind: passwordResetTimer, key, dueAt: new Date(), payload: { email: normalised } });
}

/** Fired after the answer: an active account with this email gets a reset link (at most a few an hour); anyone else, nothing. */
export async function onPasswordResetRequested(timer: DueTimer, em: EntityManager): Promise<void> {
  const email = String(timer.payload['email'] ?? '');
  const customer = await em.findOne(Customer, { email, deletedAt: null });
  if (!customer) return;
  const now = new Date();
  if (!mayEmailAnotherLink(await countIssuedSince(em, customer.id, 'PASSWORD_RESET', new Date(now.getTime() - 3600_000)))) return;
  const { token, expiresAt } = await issueAccountToken(em, customer.id, 'PASSWORD_RESET', now);
  accounts.recordEvent(em, {
    definition: passwordResetRequestedV1,
    subject: customer.id,
    data: { customerId: customer.id, email: customer.email, token, expiresAt: expiresAt.toISOString() },
  });
}

export const passwordResetTimers = [onTimer(passwordResetTimer, onPasswordResetRequested)];

/**
 * A reset link was followed with a new password: the link works once and
 * only until it expires; the password follows the policy and is not a common
 * one. Every session ends, every failed sign-in counted against the account
 * is forgiven (the owner proved they read its email, so the account-wide
 * brake no longer holds them), the address counts as verified, the owner is
 * told, and they are signed in with a new session.
 */
export async function resetPassword(em: EntityManager, runtime: AccountsRuntime, presented: string, newPassword: string): Promise<Session> {
  const problems = checkNewPassword(newPassword, 'newPassword');
  if (problems.length) throw new BadUserInput('Choose another password.', problems);
  // A made-up token costs a lookup, not a password hash.
  await checkAccountToken(em, presented, 'PASSWORD_RESET', new Date());
  const passwordHash = await hashPassword(newPassword);
  return em.transactional(async (tx) => {
    const now = new Date();
    const token = await consumeAccountToken(tx, presented, 'PASSWORD_RESET', now);
    const customer = await findActiveCustomer(tx, token.customerId, { lock: true });
    return replacePassword(tx, runtime, customer, passwordHash, 'RESET', now);
  });
}

/**
 * Sets a new password hash on a locked account, in the caller's transaction:
 * every refresh token is revoked, unused reset links stop working, the owner
 * is told (PasswordChanged), and a new session is issued to the caller.
 */
export async function replacePassword(
  tx: EntityManager,
  runtime: AccountsRuntime,
  customer: Customer,
  passwordHash: string,
  via: 'CHANGE' | 'RESET',
  now: Date,
): Promise<Session> {
  customer.passwordHash = passwordHash;
  if (via === 'RESET') {
    customer.emailVerifiedAt ??= now;
    await forgiveAccountFailures(tx, customer.email);
  }
  await tx.nativeUpdate(RefreshToken, { customerId: customer.id, revokedAt: null }, { revokedAt: now });
  await retireAccountTokens(tx, customer.id, now, ['PASSWORD_RESET']);
  accounts.recordEvent(tx, { definition: passwordChangedV1, subject: customer.id, data: { customerId: customer.id, email: customer.email, via } });
  const { session } = await issueSession(tx, runtime, customer);
  return session;
}
