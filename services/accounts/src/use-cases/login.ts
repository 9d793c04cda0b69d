import { normaliseEmail } from '@vitrine/contracts';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Unauthenticated } from '@vitrine/platform';
import type { AccountsRuntime } from '../config/accounts-runtime.js';
import { Customer } from '../store/customer.entity.js';
import { issueSession, type Session } from './issue-session.js';
import { attemptPassword } from './login-attempts.js';

export interface LoginCommand {
  email: string;
  password: string;
  clientAddress: string;
}

/** One message for every wrong-credentials case: which half was wrong is the attacker's question, not the customer's. */
export const wrongCredentialsMessage = 'The email or password is incorrect.';

/**
 * Signs a customer in: one throttled password attempt (attemptPassword,
 * which costs the same whether or not the email exists), then a new session
 * family.
 */
export async function login(em: EntityManager, runtime: AccountsRuntime, command: LoginCommand): Promise<Session> {
  const key = { email: normaliseEmail(command.email), clientAddress: command.clientAddress };
  const customer = await em.findOne(Customer, { email: key.email });
  if ((await attemptPassword(em, runtime.dummyHash, key, customer, command.password)) === 'wrong' || !customer) {
    throw new Unauthenticated(wrongCredentialsMessage);
  }
  return em.transactional(async (tx) => (await issueSession(tx, runtime, customer)).session);
}
