import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '@vitrine/platform';
import { Customer } from '../store/customer.entity.js';

/** One query per request for every customer the gateway asks about. */
export function createCustomerLoader(em: EntityManager): DataLoader<string, Customer | null> {
  return new DataLoader(async (ids) => {
    const valid = ids.filter(isUuid).map((id) => id.toLowerCase());
    const customers = valid.length ? await em.find(Customer, { id: { $in: valid } }) : [];
    const byId = new Map(customers.map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  });
}
