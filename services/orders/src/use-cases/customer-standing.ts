import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, EventEnvelope, customerFlaggedV1 } from '@vitrine/contracts';
import { PolicyViolation, Unauthenticated } from '@vitrine/platform';
import { applyFlagChange, checkMayPlaceOrders } from '../domain/customer-standing.js';
import { CustomerFlag } from '../store/customer-flag.entity.js';
import { DeletedCustomer } from '../store/deleted-customer.entity.js';
import { orders } from '../identity.js';

type FlagEvent = EventEnvelope<EventData<typeof customerFlaggedV1>>;

/** Keeps the flag projection in step with accounts (CustomerFlagged: active, CustomerUnflagged: lifted). */
export async function recordCustomerFlag(em: EntityManager, event: FlagEvent, active: boolean): Promise<void> {
  const { customerId, flag } = event.data;
  const current = await em.findOne(CustomerFlag, { customerId, flag });
  const next = applyFlagChange(current, { active, at: new Date(event.time) });
  if (!next) return;
  if (current) Object.assign(current, next);
  else em.persist(em.create(CustomerFlag, { customerId, flag, ...next }));
}

/** CustomerDeleted: remembered, so a token that outlives the account cannot order. */
export async function recordCustomerDeleted(em: EntityManager, event: EventEnvelope<{ customerId: string }>): Promise<void> {
  await em.upsert(DeletedCustomer, { customerId: event.data.customerId, deletedAt: new Date(event.time) });
}

/**
 * Refuses, before anything is written, a customer whose flags (or deleted
 * account) stop them from ordering; returns the active flags, which also
 * decide the payment terms. One statement for both projections: checkout
 * runs it on every order.
 */
export async function ensureMayPlaceOrders(em: EntityManager, customerId: string): Promise<string[]> {
  const [row] = await em.execute<{ flags: string[] | null; deleted: boolean }[]>(
    `select (select array_agg(flag order by flag) from "${orders.dbSchema}".customer_flag where customer_id = ? and active) as flags,
            exists (select 1 from "${orders.dbSchema}".deleted_customer where customer_id = ?) as deleted`,
    [customerId, customerId],
  );
  const activeFlags = row?.flags ?? [];
  const standing = checkMayPlaceOrders({ activeFlags, accountDeleted: row?.deleted === true });
  if (standing.ok) return activeFlags;
  if (standing.refusal === 'ACCOUNT_DELETED') throw new Unauthenticated(standing.message);
  throw new PolicyViolation(standing.message, standing.refusal);
}
