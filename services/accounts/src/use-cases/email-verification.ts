import type { EntityManager } from '@mikro-orm/postgresql';
import { emailVerificationRequestedV1 } from '@vitrine/contracts';
import { Customer } from '../store/customer.entity.js';
import { accounts } from '../identity.js';
import { findActiveCustomer } from './active-customer.js';
import { consumeAccountToken, countIssuedSince, issueAccountToken } from './account-tokens.js';
import { mayEmailAnotherLink } from '../domain/account-token.js';

/** Stages a verification link for the account's address (token + event), in the caller's transaction. */
export async function stageEmailVerification(tx: EntityManager, customer: Customer, now: Date = new Date()): Promise<void> {
  const { token, expiresAt } = await issueAccountToken(tx, customer.id, 'EMAIL_VERIFICATION', now);
  accounts.recordEvent(tx, {
    definition: emailVerificationRequestedV1,
    subject: customer.id,
    data: { customerId: customer.id, email: customer.email, token, expiresAt: expiresAt.toISOString() },
  });
}

/**
 * The signed-in customer asks for a (new) verification link. Nothing is sent
 * for an address already verified, nor past the hourly cap; the answer is the
 * same (the customer sees their status on `me.emailVerified`).
 */
export async function requestEmailVerification(em: EntityManager, customerId: string): Promise<void> {
  await em.transactional(async (tx) => {
    const customer = await findActiveCustomer(tx, customerId, { lock: true });
    const now = new Date();
    if (customer.emailVerifiedAt) return;
    if (!mayEmailAnotherLink(await countIssuedSince(tx, customer.id, 'EMAIL_VERIFICATION', new Date(now.getTime() - 3600_000)))) return;
    await stageEmailVerification(tx, customer, now);
  });
}

/** A verification link was followed: the address is proven (once; a used or expired link is BAD_USER_INPUT). */
export async function verifyEmail(em: EntityManager, presented: string): Promise<void> {
  await em.transactional(async (tx) => {
    const now = new Date();
    const token = await consumeAccountToken(tx, presented, 'EMAIL_VERIFICATION', now);
    const customer = await findActiveCustomer(tx, token.customerId, { lock: true });
    customer.emailVerifiedAt ??= now;
  });
}
