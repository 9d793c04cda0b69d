import type { EntityManager } from '@mikro-orm/postgresql';
import { departedOrderStatuses, paymentAuthorizedV1, type OrderStatus } from '@vitrine/contracts';
import { scheduleTimer, storeNow } from '@vitrine/platform';
import { payments } from '../identity.js';
import { schemaOf, type Row } from '../store/sql.js';
import { orderEnded } from './order-money.js';
import { cancelProviderPaymentTimer, captureHeldPaymentTimer, openStoredMethodCharge } from './stored-method-charges.js';

/** Allocation rows as PaymentSucceeded and PaymentAuthorized name them: the due each share pays. */
export function eventAllocations(allocations: Row[], currency: string): { orderId: string; dueId: string; amount: { amount: number; currency: string } }[] {
  return allocations.map((a) => ({ orderId: a.order_id, dueId: a.due_id, amount: { amount: Number(a.amount), currency } }));
}

/**
 * Charge at ship, taken at dispatch: the provider authorised the stored card
 * (REQUIRES_CAPTURE). Its dues still open: PaymentAuthorized tells orders the
 * order is secured (the warehouse may start), and an order that has already
 * shipped is captured at once. Its order ended meanwhile (or the due was paid
 * another way): the hold is released at the provider, nothing is taken.
 * Runs in applyPaymentUpdate's transaction, the intent and its orders locked.
 */
export async function recordAuthorization(em: EntityManager, intent: Row, allocations: Row[], providerPaymentId: string): Promise<void> {
  const s = schemaOf(em);
  await em.execute(`update ${s}.payment_intent set authorized_at = now(), held_amount = amount where id = ?`, [intent.id]);
  const dues = await em.execute<Row[]>(`select id, state from ${s}.payment_due where id in (?)`, [allocations.map((a) => a.due_id)]);
  const orders = await em.execute<Row[]>(`select id, status, closed_at from ${s}.known_order where id in (?)`, [allocations.map((a) => a.order_id)]);
  const live = allocations.every((a) => {
    const order = orders.find((o) => o.id === a.order_id);
    const ended = orderEnded(order);
    return !ended && dues.find((d) => d.id === a.due_id)?.state === 'OPEN';
  });
  if (!live) {
    await em.execute(`update ${s}.payment_intent set status = 'CANCELLED', updated_at = now() where id = ?`, [intent.id]);
    await scheduleTimer(em, { kind: cancelProviderPaymentTimer, key: intent.id, dueAt: storeNow(), payload: { providerPaymentId } });
    return;
  }
  payments.recordEvent(em, {
    definition: paymentAuthorizedV1,
    subject: intent.id,
    data: {
      paymentId: intent.id,
      customerId: intent.customer_id,
      purpose: intent.purpose,
      amount: { amount: Number(intent.amount), currency: intent.currency },
      allocations: eventAllocations(allocations, intent.currency),
      provider: intent.provider,
      authorizedAt: storeNow().toISOString(),
    },
  });
  if (orders.some((o) => departedOrderStatuses.includes(o.status as OrderStatus))) {
    await scheduleTimer(em, { kind: captureHeldPaymentTimer, key: intent.id, dueAt: storeNow() });
  }
}

/**
 * The final shipping cost came in below the estimate held on the card: the
 * held shipping is lowered by up to `excess`, so the capture takes less and
 * nothing has to be refunded. Returns what was released (zero when the
 * order has no amount held). Locks the intent; the caller holds the order.
 */
export async function releaseHeldShipping(em: EntityManager, orderId: string, excess: number): Promise<number> {
  const s = schemaOf(em);
  const [held] = await em.execute<Row[]>(
    `select i.id, i.amount, a.id as allocation_id, a.shipping from ${s}.payment_intent i join ${s}.payment_allocation a on a.intent_id = i.id
      where a.order_id = ? and i.status = 'REQUIRES_CAPTURE' order by i.created_at limit 1 for update of i`,
    [orderId],
  );
  if (!held) return 0;
  // Never all of it: an intent keeps a positive amount (a hold of shipping alone is captured for at least 1).
  const release = Math.min(excess, Number(held.shipping), Number(held.amount) - 1);
  if (release <= 0) return 0;
  await em.execute(`update ${s}.payment_allocation set shipping = shipping - ?, amount = amount - ? where id = ?`, [release, release, held.allocation_id]);
  await em.execute(`update ${s}.payment_intent set amount = amount - ?, updated_at = now() where id = ?`, [release, held.id]);
  return release;
}

/**
 * The provider refused to capture a hold (it lapsed: card holds last about a
 * week; or it was released at the provider). The old intent is cancelled
 * and a fresh charge of the stored card takes the same amount for the same
 * dues; if that one fails, PaymentFailed gives the customer the policy's
 * grace period to pay, as any failed charge at ship.
 */
export async function replaceLapsedHold(em: EntityManager, intent: Row, providerCode: string | null): Promise<string | null> {
  const s = schemaOf(em);
  const allocations = await em.execute<Row[]>(`select * from ${s}.payment_allocation where intent_id = ? order by order_id`, [intent.id]);
  // Only a charge at ship is held, and it pays one due.
  if (allocations.length !== 1) throw new Error(`held intent ${intent.id} has ${allocations.length} allocations; expected one`);
  const moved = await em.execute<Row[]>(
    `update ${s}.payment_intent set status = 'CANCELLED', anomaly = ?, updated_at = now() where id = ? and status = 'REQUIRES_CAPTURE' returning id`,
    [`The hold could not be captured (${providerCode ?? 'refused'}); the stored card was charged again instead.`.slice(0, 500), intent.id],
  );
  if (moved.length === 0) return null;
  const [allocation] = allocations;
  return openStoredMethodCharge(em, {
    customerId: intent.customer_id,
    purpose: intent.purpose,
    currency: intent.currency,
    paymentMethodId: intent.payment_method_id,
    capture: 'AUTOMATIC',
    due: { dueId: allocation!.due_id, orderId: allocation!.order_id, product: Number(allocation!.product), shipping: Number(allocation!.shipping) },
  });
}
