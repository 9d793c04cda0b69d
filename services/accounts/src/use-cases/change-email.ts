import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { customerContactChangedV1, emailChangeRequestedV1 } from '@vitrine/contracts';
import { BadUserInput, Conflict } from '@vitrine/platform';
import type { AccountsRuntime } from '../config/accounts-runtime.js';
import { checkEmailChange, mayEmailAnotherLink } from '../domain/account-token.js';
import { accounts } from '../identity.js';
import { findActiveCustomer } from './active-customer.js';
import { consumeAccountToken, countIssuedSince, issueAccountToken, retireAccountTokens } from './account-tokens.js';
import { reauthenticate, type Reauthentication } from './reauthenticate.js';

/** The proof as the API takes it (password, or an external sign-in). */
export function changeEmailInput(password?: string | null, external?: { provider: string; idToken: string } | null): Reauthentication {
  return { password, external: external ? { provider: external.provider, idToken: external.idToken } : null };
}

export interface RequestEmailChangeCommand {
  customerId: string;
  newEmail: string;
  proof: Reauthentication;
  clientAddress: string;
}

/**
 * The signed-in customer asks to move to a new address, proving it is them
 * (password, throttled, or a fresh external sign-in). Nothing changes yet: a
 * confirmation link goes to the new address. Whether another account has
 * that address is not checked here (it would tell the caller): the
 * confirmation finds out, for the owner of the new address.
 */
export async function requestEmailChange(em: EntityManager, runtime: AccountsRuntime, command: RequestEmailChangeCommand): Promise<void> {
  const customer = await findActiveCustomer(em, command.customerId);
  const check = checkEmailChange(customer.email, command.newEmail);
  if (!check.ok) throw new BadUserInput('Check the new email address.', check.problems);
  await reauthenticate(em, runtime, customer, command.proof, command.clientAddress);
  await em.transactional(async (tx) => {
    const now = new Date();
    await findActiveCustomer(tx, command.customerId, { lock: true });
    if (!mayEmailAnotherLink(await countIssuedSince(tx, command.customerId, 'EMAIL_CHANGE', new Date(now.getTime() - 3600_000)))) return;
    const { token, expiresAt } = await issueAccountToken(tx, command.customerId, 'EMAIL_CHANGE', now, check.email);
    accounts.recordEvent(tx, {
      definition: emailChangeRequestedV1,
      subject: command.customerId,
      data: { customerId: command.customerId, email: check.email, token, expiresAt: expiresAt.toISOString() },
    });
  });
}

/**
 * The link sent to the new address was followed: the account moves to it,
 * verified. Links sent to the old address stop working. If another account
 * took the address meanwhile, CONFLICT (said to whoever reads that inbox).
 */
export async function confirmEmailChange(em: EntityManager, presented: string): Promise<void> {
  try {
    await em.transactional(async (tx) => {
      const now = new Date();
      const token = await consumeAccountToken(tx, presented, 'EMAIL_CHANGE', now);
      const customer = await findActiveCustomer(tx, token.customerId, { lock: true });
      customer.email = token.newEmail!;
      customer.emailVerifiedAt = now;
      await retireAccountTokens(tx, customer.id, now);
      // The services that write to customers (notifications) move to the new address.
      accounts.recordEvent(tx, {
        definition: customerContactChangedV1,
        subject: customer.id,
        data: { customerId: customer.id, email: customer.email, displayName: customer.displayName },
      });
      await tx.flush();
    });
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) {
      throw new Conflict('This email address already has an account. Sign in to it, or ask for a password reset.', { field: 'token' });
    }
    throw err;
  }
}
