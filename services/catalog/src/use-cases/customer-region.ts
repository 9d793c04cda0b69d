import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '@vitrine/platform';
import { applyRegionChange } from '../domain/customer-region.js';
import { CustomerRegion } from '../store/customer-region.entity.js';

/** CustomerRegistered / CustomerRegionChanged: keeps the customer's country, newest change wins. */
export async function recordCustomerRegion(em: EntityManager, customerId: string, country: string, time: string): Promise<void> {
  const current = await em.findOne(CustomerRegion, { customerId });
  const next = applyRegionChange(current, { country, at: new Date(time) });
  if (!next) return;
  if (current) Object.assign(current, next);
  else em.persist(em.create(CustomerRegion, { customerId, ...next }));
}

/** The caller's country, fetched at most once per request (null when anonymous or not known yet). */
export function myCountryLookup(em: EntityManager, caller: Caller): () => Promise<string | null> {
  let pending: Promise<string | null> | undefined;
  return () => {
    if (caller.id === null) return Promise.resolve(null);
    pending ??= em.findOne(CustomerRegion, { customerId: caller.id }, { fields: ['country'] }).then((r) => r?.country ?? null);
    return pending;
  };
}
