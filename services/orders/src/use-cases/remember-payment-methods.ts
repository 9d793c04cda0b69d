import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, EventEnvelope, paymentMethodRemovedV1, paymentMethodSavedV1 } from '@vitrine/contracts';
import { KnownPaymentMethod } from '../store/known-payment-method.entity.js';

/** PaymentMethodSaved: a method charge-at-ship orders may name. */
export async function rememberPaymentMethod(em: EntityManager, event: EventEnvelope<EventData<typeof paymentMethodSavedV1>>): Promise<void> {
  const { paymentMethodId, customerId, brand, last4 } = event.data;
  if (await em.findOne(KnownPaymentMethod, paymentMethodId)) return; // known, or removed already (a late Saved does not revive it)
  em.persist(em.create(KnownPaymentMethod, { id: paymentMethodId, customerId, label: `${brand} ending ${last4}`, removed: false }));
}

/** PaymentMethodRemoved: kept as removed, so a late Saved cannot revive it. */
export async function forgetPaymentMethod(em: EntityManager, event: EventEnvelope<EventData<typeof paymentMethodRemovedV1>>): Promise<void> {
  const { paymentMethodId, customerId } = event.data;
  await em.upsert(KnownPaymentMethod, { id: paymentMethodId, customerId, label: 'removed', removed: true });
}
