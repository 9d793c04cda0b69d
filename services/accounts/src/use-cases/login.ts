import type { EntityManager } from '@mikro-orm/postgresql';
import { PolicyViolation, Unauthenticated } from '@vitrine/platform';
import type { AccountsRuntime } from '../config/accounts-runtime.js';
import { verifyCredentials } from '../domain/credentials.js';
import { normaliseEmail } from '../domain/email.js';
import { defaultThrottleRules, throttleMessage, type ThrottleRule } from '../domain/login-throttle.js';
import { verifyPassword } from '../security/password-hasher.js';
import { Customer } from '../store/customer.entity.js';
import { issueSession, type Session } from './issue-session.js';
import { checkLoginThrottle, clearAccountFailures, recordLoginFailure } from './login-attempts.js';

export interface LoginCommand {
  email: string;
  password: string;
  clientAddress: string;
}

/** One message for every wrong-credentials case: which half was wrong is the attacker's question, not the customer's. */
export const wrongCredentialsMessage = 'The email or password is incorrect.';

/**
 * Signs a customer in: throttle first (a locked account is refused even with
 * the right password), then one argon2 verification whether or not the email
 * exists, then a new session family.
 */
export async function login(em: EntityManager, runtime: AccountsRuntime, command: LoginCommand, rules: readonly ThrottleRule[] = defaultThrottleRules): Promise<Session> {
  const key = { email: normaliseEmail(command.email), clientAddress: command.clientAddress };
  const now = new Date();
  const throttle = await checkLoginThrottle(em, key, rules, now);
  if (!throttle.allowed) {
    throw new PolicyViolation(throttleMessage(throttle.retryAfterSeconds), 'LOGIN_THROTTLED', { retryAfterSeconds: throttle.retryAfterSeconds });
  }

  const customer = await em.findOne(Customer, { email: key.email });
  if (!(await verifyCredentials(customer, command.password, verifyPassword, runtime.dummyHash)) || !customer) {
    await recordLoginFailure(em, key, rules, now);
    throw new Unauthenticated(wrongCredentialsMessage);
  }

  return em.transactional(async (tx) => {
    await clearAccountFailures(tx, key.email);
    const { session } = await issueSession(tx, runtime, customer);
    return session;
  });
}
