import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Unauthenticated } from '@vitrine/platform';
import { Customer } from '../store/customer.entity.js';

/** What a deleted account's still-unexpired access token gets. */
export const accountDeletedMessage = 'This account has been deleted.';

/**
 * The signed-in customer's account, for acting on it; a deleted (or vanished)
 * account is UNAUTHENTICATED. `lock` re-reads the row under FOR UPDATE, so a
 * change committed meanwhile (e.g. a concurrent deletion) is seen.
 */
export async function findActiveCustomer(em: EntityManager, customerId: string, options: { lock?: boolean } = {}): Promise<Customer> {
  const customer = await em.findOne(Customer, customerId, options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {});
  if (!customer || customer.deletedAt) throw new Unauthenticated(accountDeletedMessage);
  return customer;
}
