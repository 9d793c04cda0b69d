import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { scheduleTimer, storeNow } from '@vitrine/platform';
import { runtimeOf } from '../config/payments-runtime.js';
import { schemaOf, type Row } from '../store/sql.js';

/** Charges a stored card now (charge at ship); see payment-timers' chargeStoredMethod. */
export const chargeStoredMethodTimer = 'charge-stored-method';
/** Releases an authorisation or an abandoned confirmation at the provider. */
export const cancelProviderPaymentTimer = 'cancel-provider-payment';
/** Captures a held charge at ship once its order has shipped. */
export const captureHeldPaymentTimer = 'capture-held-payment';

export interface StoredMethodCharge {
  customerId: string;
  purpose: string;
  currency: string;
  paymentMethodId: string | null;
  /** AUTOMATIC takes the money at once; AT_DISPATCH authorises it and captures it when the order ships. */
  capture: 'AUTOMATIC' | 'AT_DISPATCH';
  due: { dueId: string; orderId: string; product: number; shipping: number };
}

/**
 * One intent for one due on the customer's stored card, charged off-session
 * by a timer right away (outside the caller's path, never holding its locks
 * across the provider call). A card removed since is found missing by the
 * timer, which says so to the customer.
 */
export async function openStoredMethodCharge(em: EntityManager, charge: StoredMethodCharge): Promise<string> {
  const s = schemaOf(em);
  const intentId = randomUUID();
  const amount = charge.due.product + charge.due.shipping;
  const [method] = charge.paymentMethodId
    ? await em.execute<Row[]>(`select * from ${s}.payment_method where id = ? and customer_id = ? and removed_at is null`, [
        charge.paymentMethodId,
        charge.customerId,
      ])
    : [];
  await em.execute(
    `insert into ${s}.payment_intent (id, customer_id, purpose, amount, currency, status, provider, payment_method_id, method_label, initiated_by, attempts, capture, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'REQUIRES_PAYMENT_METHOD', ?, ?, ?, 'SYSTEM', 1, ?, now(), now())`,
    [
      intentId,
      charge.customerId,
      charge.purpose,
      amount,
      charge.currency,
      runtimeOf(em).provider.name,
      method?.id ?? null,
      method ? `${method.brand} ${method.last4}` : null,
      charge.capture,
    ],
  );
  await em.execute(`insert into ${s}.payment_allocation (id, intent_id, due_id, order_id, product, shipping, amount) values (?, ?, ?, ?, ?, ?, ?)`, [
    randomUUID(),
    intentId,
    charge.due.dueId,
    charge.due.orderId,
    charge.due.product,
    charge.due.shipping,
    amount,
  ]);
  await scheduleTimer(em, { kind: chargeStoredMethodTimer, key: intentId, dueAt: storeNow() });
  return intentId;
}
