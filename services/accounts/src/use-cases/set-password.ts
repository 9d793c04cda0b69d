import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry, BadUserInput, PolicyViolation } from '@vitrine/platform';
import type { AccountsRuntime } from '../config/accounts-runtime.js';
import { checkNewPassword } from '../domain/new-password.js';
import { decidePasswordSetup } from '../domain/sign-in-methods.js';
import { hashPassword } from '../security/password-hasher.js';
import { findActiveCustomer } from './active-customer.js';
import type { Session } from './issue-session.js';
import { replacePassword } from './password-reset.js';
import { reauthenticate } from './reauthenticate.js';

export interface SetPasswordCommand {
  customerId: string;
  newPassword: string;
  /** A fresh sign-in with an identity bound to the account: the only proof an account without a password has. */
  proof: { provider: string; idToken: string };
  clientAddress: string;
}

/**
 * An account that signs in only with external identities gets a password, a
 * way in that does not depend on a provider. The password follows the same
 * rules as at sign-up; the customer proves it is them with a fresh sign-in at
 * a bound provider. As after a password change, every session ends, the
 * caller gets a new one and the owner is told (PasswordChanged, via CHANGE).
 */
export async function setPassword(em: EntityManager, runtime: AccountsRuntime, command: SetPasswordCommand): Promise<Session> {
  const customer = await findActiveCustomer(em, command.customerId);
  refuseIfSet(customer.passwordHash != null);
  const problems = checkNewPassword(command.newPassword, 'newPassword');
  if (problems.length) throw new BadUserInput('Choose another password.', problems);
  await reauthenticate(em, runtime, customer, { external: command.proof }, command.clientAddress);
  const passwordHash = await hashPassword(command.newPassword);
  return em.transactional(async (tx) => {
    const now = new Date();
    const locked = await findActiveCustomer(tx, command.customerId, { lock: true });
    // Another request may have set one since the check above.
    refuseIfSet(locked.passwordHash != null);
    tx.persist(tx.create(AuditEntry, { id: randomUUID(), actor: locked.id, action: 'customer.password-set', subject: locked.id, details: {}, at: now }));
    return replacePassword(tx, runtime, locked, passwordHash, 'CHANGE', now);
  });
}

function refuseIfSet(hasPassword: boolean): void {
  const decision = decidePasswordSetup(hasPassword);
  if (!decision.ok) throw new PolicyViolation(decision.message, decision.rule);
}
