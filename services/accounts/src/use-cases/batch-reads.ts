import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '@vitrine/platform';
import { CustomerFlag } from '../store/customer-flag.entity.js';
import { Customer } from '../store/customer.entity.js';

// The reads behind the schema's per-request DataLoaders: one statement for a whole batch of ids.

/** The customers among these ids, in any letter case (ids that are not uuids match nothing). */
export function findCustomers(em: EntityManager, ids: readonly string[]): Promise<Customer[]> {
  const valid = ids.filter(isUuid).map((id) => id.toLowerCase());
  return valid.length ? em.find(Customer, { id: { $in: valid } }) : Promise.resolve([]);
}

/** These customers' flags, oldest first. */
export function findCustomerFlags(em: EntityManager, customerIds: readonly string[]): Promise<CustomerFlag[]> {
  return em.find(CustomerFlag, { customerId: { $in: [...customerIds] } }, { orderBy: { flaggedAt: 'asc' } });
}
