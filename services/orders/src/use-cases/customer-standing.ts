import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, EventEnvelope, customerFlaggedV1 } from '@vitrine/contracts';
import { PolicyViolation, Unauthenticated } from '@vitrine/platform';
import { applyFlagChange, checkMayPlaceOrders } from '../domain/customer-standing.js';
import { CustomerFlag } from '../store/customer-flag.entity.js';
import { DeletedCustomer } from '../store/deleted-customer.entity.js';
import type { CheckoutContext } from './checkout-context.js';

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
 * account) stop them from ordering (read with the rest of the checkout's
 * context, checkout-context.ts).
 */
export function ensureMayPlaceOrders(context: Pick<CheckoutContext, 'flags' | 'accountDeleted'>): void {
  const standing = checkMayPlaceOrders({ activeFlags: context.flags, accountDeleted: context.accountDeleted });
  if (standing.ok) return;
  if (standing.refusal === 'ACCOUNT_DELETED') throw new Unauthenticated(standing.message);
  throw new PolicyViolation(standing.message, standing.refusal);
}
