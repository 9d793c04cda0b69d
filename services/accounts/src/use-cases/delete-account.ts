import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { customerDeletedV1 } from '@vitrine/contracts';
import { PolicyViolation } from '@vitrine/platform';
import type { AccountsRuntime } from '../config/accounts-runtime.js';
import { decideAccountDeletion, erasedProfile } from '../domain/account-deletion.js';
import { AuditEntry } from '@vitrine/platform';
import { ExternalIdentity } from '../store/external-identity.entity.js';
import { LoginAttempt } from '../store/login-attempt.entity.js';
import { RefreshToken } from '../store/refresh-token.entity.js';
import { findActiveCustomer } from './active-customer.js';
import { countOpenOrders } from './known-orders.js';
import { reauthenticate, type Reauthentication } from './reauthenticate.js';
import { accounts } from '../identity.js';

export interface DeleteAccountCommand {
  customerId: string;
  proof: Reauthentication;
  clientAddress: string;
}

/**
 * The customer deletes their own account, after proving it is them (their
 * password, throttled like sign-in, or a fresh external sign-in), and only
 * with no open order. Personal
 * data is erased in place (the row stays, so orders, audit entries and
 * flags still point somewhere), sessions end, and CustomerDeleted is announced.
 */
export async function deleteAccount(em: EntityManager, runtime: AccountsRuntime, command: DeleteAccountCommand): Promise<void> {
  const { customerId } = command;
  await reauthenticate(em, runtime, await findActiveCustomer(em, customerId), command.proof, command.clientAddress);
  await em.transactional(async (tx) => {
    const customer = await findActiveCustomer(tx, customerId, { lock: true });
    const openOrders = await countOpenOrders(tx, customerId);
    const decision = decideAccountDeletion(openOrders);
    if (!decision.ok) throw new PolicyViolation(decision.message, decision.rule, { count: decision.count });

    const now = new Date();
    const formerEmail = customer.email;
    Object.assign(customer, erasedProfile(customerId), { passwordHash: null, roles: [], grantedScopes: [], deletedAt: now });
    await tx.nativeUpdate(RefreshToken, { customerId, revokedAt: null }, { revokedAt: now });
    await tx.nativeDelete(LoginAttempt, { email: formerEmail });
    await tx.nativeDelete(ExternalIdentity, { customerId });
    tx.persist(tx.create(AuditEntry, { id: randomUUID(), actor: customerId, action: 'customer.deleted', subject: customerId, details: {}, at: now }));
    accounts.recordEvent(tx, { definition: customerDeletedV1, subject: customerId, data: { customerId } });
  });
}
