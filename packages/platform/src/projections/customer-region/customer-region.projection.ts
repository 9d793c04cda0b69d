import type { EntityManager } from '@mikro-orm/postgresql';
import { customerRegionChangedV1, customerRegisteredV1 } from '@vitrine/contracts';
import { on } from '../../inbox/event-handler.js';
import type { SharedProjection } from '../shared-projection.js';
import { applyRegionChange } from './apply-region-change.js';
import { CustomerRegion, CustomerRegionSchema } from './customer-region.entity.js';

/** Keeps the customer's country, newest change wins. */
export async function recordCustomerRegion(em: EntityManager, customerId: string, country: string, time: string): Promise<void> {
  const current = await em.findOne(CustomerRegion, { customerId });
  const next = applyRegionChange(current, { country, at: new Date(time) });
  if (!next) return;
  if (current) Object.assign(current, next);
  else em.persist(em.create(CustomerRegion, { customerId, ...next }));
}

const customerRegionHandlers = [
  on(customerRegisteredV1, (event, em) => recordCustomerRegion(em, event.data.customerId, event.data.country, event.time)),
  on(customerRegionChangedV1, (event, em) => recordCustomerRegion(em, event.data.customerId, event.data.to, event.time)),
];

/** Each customer's country (for region blocks), kept from accounts' events; a service adds it with `projections: [customerRegionProjection]`. */
export const customerRegionProjection: SharedProjection = {
  name: 'customer-region',
  entities: [CustomerRegionSchema],
  handlers: customerRegionHandlers,
  migrations: [
    {
      // The same table the services' own migrations created before the projection owned it.
      name: 'customer-region/0001-table',
      up: (s) => [
        `create table if not exists "${s}"."customer_region" ("customer_id" uuid not null, "country" varchar(2) not null, "changed_at" timestamptz not null, primary key ("customer_id"))`,
      ],
    },
  ],
};

/** The customer's country, or null while accounts' event has not arrived yet. */
export async function customerCountry(em: EntityManager, customerId: string): Promise<string | null> {
  return (await em.findOne(CustomerRegion, { customerId }, { fields: ['country'] }))?.country ?? null;
}
