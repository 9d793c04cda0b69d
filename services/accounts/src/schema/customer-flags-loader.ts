import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CustomerFlag } from '../store/customer-flag.entity.js';
import { findCustomerFlags } from '../use-cases/batch-reads.js';

/** Every customer's flags in one query per request, oldest first. */
export function createCustomerFlagsLoader(em: EntityManager): DataLoader<string, CustomerFlag[]> {
  return new DataLoader(async (ids) => {
    const flags = await findCustomerFlags(em, ids);
    return ids.map((id) => flags.filter((f) => f.customerId === id));
  });
}
