import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput } from '@vitrine/platform';
import type { AccountsRuntime } from '../config/accounts-runtime.js';
import { checkNewPassword } from '../domain/new-password.js';
import { hashPassword } from '../security/password-hasher.js';
import { findActiveCustomer } from './active-customer.js';
import { attemptPassword } from './login-attempts.js';
import { replacePassword } from './password-reset.js';
import type { Session } from './issue-session.js';

export interface ChangePasswordCommand {
  customerId: string;
  currentPassword: string;
  newPassword: string;
  clientAddress: string;
}

/**
 * The signed-in customer changes their password, proving the current one
 * (counted by the sign-in throttle, so a stolen access token cannot guess it).
 * Every other session ends: all refresh tokens are revoked and the caller
 * gets a new session (access tokens already issued run out within their
 * lifetime, as after a deletion).
 */
export async function changePassword(em: EntityManager, runtime: AccountsRuntime, command: ChangePasswordCommand): Promise<Session> {
  const customer = await findActiveCustomer(em, command.customerId);
  const problems = checkNewPassword(command.newPassword, 'newPassword');
  if (problems.length) throw new BadUserInput('Choose another password.', problems);
  const key = { email: customer.email, clientAddress: command.clientAddress };
  if ((await attemptPassword(em, runtime.dummyHash, key, customer, command.currentPassword)) === 'wrong') {
    throw new BadUserInput('Your current password is not correct.', [
      { field: 'currentPassword', reason: 'INCORRECT_PASSWORD', message: 'Enter the password you sign in with.' },
    ]);
  }
  const passwordHash = await hashPassword(command.newPassword);
  return em.transactional(async (tx) => {
    const locked = await findActiveCustomer(tx, command.customerId, { lock: true });
    return replacePassword(tx, runtime, locked, passwordHash, 'CHANGE', new Date());
  });
}
