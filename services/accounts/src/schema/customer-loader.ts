import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Customer } from '../store/customer.entity.js';
import { findCustomers } from '../use-cases/batch-reads.js';

/** One query per request for every customer the gateway asks about. */
export function createCustomerLoader(em: EntityManager): DataLoader<string, Customer | null> {
  return new DataLoader(async (ids) => {
    const customers = await findCustomers(em, ids);
    const byId = new Map(customers.map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  });
}
