import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CustomerFlag } from '../store/customer-flag.entity.js';

/** Every customer's flags in one query per request, oldest first. */
export function createCustomerFlagsLoader(em: EntityManager): DataLoader<string, CustomerFlag[]> {
  return new DataLoader(async (ids) => {
    const flags = await em.find(CustomerFlag, { customerId: { $in: [...ids] } }, { orderBy: { flaggedAt: 'asc' } });
    return ids.map((id) => flags.filter((f) => f.customerId === id));
  });
}
