import type { EntityManager } from '@mikro-orm/postgresql';
import { customerRegionChangedV1, customerRegisteredV1 } from '@vitrine/contracts';
import { on } from '../../inbox/event-handler.js';
import { applyRegionChange } from './apply-region-change.js';
import { CustomerRegion } from './customer-region.entity.js';

/** Keeps the customer's country, newest change wins. */
export async function recordCustomerRegion(em: EntityManager, customerId: string, country: string, time: string): Promise<void> {
  const current = await em.findOne(CustomerRegion, { customerId });
  const next = applyRegionChange(current, { country, at: new Date(time) });
  if (!next) return;
  if (current) Object.assign(current, next);
  else em.persist(em.create(CustomerRegion, { customerId, ...next }));
}

/** What a service adds to its handlers (and CustomerRegionSchema to its entities) to keep the projection. */
export const customerRegionHandlers = [
  on(customerRegisteredV1, (event, em) => recordCustomerRegion(em, event.data.customerId, event.data.country, event.time)),
  on(customerRegionChangedV1, (event, em) => recordCustomerRegion(em, event.data.customerId, event.data.to, event.time)),
];

/** The customer's country, or null while accounts' event has not arrived yet. */
export async function customerCountry(em: EntityManager, customerId: string): Promise<string | null> {
  return (await em.findOne(CustomerRegion, { customerId }, { fields: ['country'] }))?.country ?? null;
}
