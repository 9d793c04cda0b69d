import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { departedOrderStatuses, paymentFailedV1, paymentMethodSavedV1, paymentSucceededV1, type OrderStatus } from '@vitrine/contracts';
import { cancelTimer, scheduleTimer, storeNow } from '@vitrine/platform';
import { describeFailure, type PaymentFailure } from '../domain/failure-reasons.js';
import { chargeCaptured, orderShipped } from '../domain/ledger-movements.js';
import { applyProviderUpdate, type PaymentIntentStatus } from '../domain/payment-intent-status.js';
import type { PaymentPurpose } from '../domain/payment-purpose.js';
import { payments } from '../identity.js';
import type { ProviderPayment } from '../providers/payment-provider.js';
import { positionOf, postTransaction } from '../store/ledger-book.js';
import { schemaOf, toDate, type Row } from '../store/sql.js';
import { eventAllocations, recordAuthorization, replaceLapsedHold } from './held-payments.js';
import { decideRefund, orderEnded } from './order-money.js';

export const recheckIntentTimer = 'recheck-intent';
/** Gives up an attempt whose process died before the provider answered (armed when the attempt opens, disarmed by its answer). */
export const abandonedAttemptTimer = 'abandoned-attempt';

/** The attempt has its answer: no need to give it up later. */
export function disarmAbandonment(em: EntityManager, intentId: string): Promise<void> {
  return cancelTimer(em, abandonedAttemptTimer, intentId);
}

export type UpdateOutcome = 'APPLIED' | 'DUPLICATE' | 'STALE' | 'ANOMALY' | 'UNKNOWN_INTENT';

/**
 * The intent's orders locked (in id order, as lockOrders does), then the intent itself: the lock order every path
 * keeps. Its allocations are read with the intent, once the orders are held: what changes them (a held charge's
 * shipping lowered, releaseHeldShipping) holds its order, so they are read as the capture will take them.
 */
export async function lockIntent(em: EntityManager, intentId: string): Promise<{ intent: Row; allocations: Row[]; orders: Row[] } | null> {
  const s = schemaOf(em);
  const orders = await em.execute<Row[]>(
    `select * from ${s}.known_order where id in (select order_id from ${s}.payment_allocation where intent_id = ?) order by id for update`,
    [intentId],
  );
  const [row] = await em.execute<Row[]>(
    `select i.*, coalesce((select json_agg(a order by a.order_id, a.due_id) from ${s}.payment_allocation a where a.intent_id = i.id), '[]') as intent_allocations
       from ${s}.payment_intent i where i.id = ? for update`,
    [intentId],
  );
  if (!row) return null;
  const { intent_allocations: allocations, ...intent } = row;
  return { intent, allocations: allocations as Row[], orders };
}

/**
 * What the provider says about an intent (its answer to our call, a webhook,
 * a re-check), applied once whatever the order and number of arrivals
 * (`applyProviderUpdate`): a late PROCESSING never overwrites SUCCEEDED, a
 * duplicate changes nothing. Succeeded: the capture is booked and the dues
 * settled (see recordCapture). Failed: the customer-readable reason is kept
 * and PaymentFailed published. Runs in the caller's transaction.
 */
export async function applyPaymentUpdate(
  em: EntityManager,
  intentId: string,
  payment: ProviderPayment,
  options: { recheckAfterMs: number },
): Promise<UpdateOutcome> {
  // The timer row before the intent's, the order abandonAttempt takes them in.
  await disarmAbandonment(em, intentId);
  const locked = await lockIntent(em, intentId);
  if (!locked) return 'UNKNOWN_INTENT';
  const { intent, allocations } = locked;
  const s = schemaOf(em);
  // The provider's id for the payment is kept from its first answer, with whatever this update writes to the intent.
  const keepPaymentId = async () => {
    if (!intent.provider_payment_id) await em.execute(`update ${s}.payment_intent set provider_payment_id = ? where id = ?`, [payment.id, intentId]);
  };
  const decision = applyProviderUpdate({ status: intent.status, at: toDate(intent.status_at) }, { status: payment.status, at: payment.at });
  if (decision.kind === 'ignore') {
    // The call's own answer came back: the attempt is over even if a webhook told us first.
    await em.execute(`update ${s}.payment_intent set in_flight_until = null, provider_payment_id = coalesce(provider_payment_id, ?) where id = ?`, [
      payment.id,
      intentId,
    ]);
    return decision.reason;
  }
  if (decision.kind === 'anomaly') {
    await keepPaymentId();
    const captured = payment.status === 'SUCCEEDED';
    if (captured) {
      // Money captured on an intent we had given up: book it; it settles the dues if they are still open, or goes back.
      await recordCapture(em, intent, allocations, locked.orders, payment);
    }
    await em.execute(`update ${s}.payment_intent set anomaly = ?, ${capturedColumns}, updated_at = now() where id = ?`, [
      `The provider reported ${payment.status.toLowerCase()} on an intent already ${String(intent.status).toLowerCase()}${captured ? '; booked as paid (refunded if its dues were no longer open)' : ''}.`,
      ...capturedValues(captured, payment),
      intentId,
    ]);
    return 'ANOMALY';
  }
  const status: PaymentIntentStatus = decision.status;
  if (status === 'CANCELLED' && heldForShippedOrder(intent, locked.orders)) {
    // We never cancel the hold of an order that left and did not end: the provider voided it (it lapsed, often as
    // its capture was tried; this event can be handled before the capture's refusal is). Charged afresh, once,
    // whichever path sees it first: replaceLapsedHold moves the intent only from REQUIRES_CAPTURE.
    await keepPaymentId();
    await replaceLapsedHold(em, intent, payment.failureCode);
    return 'APPLIED';
  }
  if (status === 'FAILED' && intent.status === 'FAILED' && (intent.failure_code ?? null) === (payment.failureCode?.slice(0, 80) ?? null)) {
    // The same failure told twice (our call's answer and its webhook, stamped a moment apart): nothing new to say.
    await em.execute(`update ${s}.payment_intent set in_flight_until = null, provider_payment_id = coalesce(provider_payment_id, ?) where id = ?`, [
      payment.id,
      intentId,
    ]);
    return 'DUPLICATE';
  }
  const failure: PaymentFailure | null = status === 'FAILED' ? describeFailure(payment.failureCode) : null;
  await em.execute(
    `update ${s}.payment_intent set status = ?, status_at = coalesce(?, status_at), in_flight_until = null, updated_at = now(),
       next_action = ?::jsonb, failure_kind = ?, failure_message = ?, failure_code = ?, method_label = coalesce(method_label, ?),
       provider_payment_id = coalesce(provider_payment_id, ?), ${capturedColumns}
     where id = ?`,
    [
      status,
      payment.at,
      status === 'REQUIRES_ACTION' ? JSON.stringify({ type: 'CONFIRM', redirectUrl: payment.nextActionUrl }) : null,
      failure?.kind ?? null,
      failure?.message ?? null,
      failure?.providerCode?.slice(0, 80) ?? null,
      payment.method ? `${payment.method.brand} ${payment.method.last4}` : null,
      payment.id,
      ...capturedValues(status === 'SUCCEEDED', payment),
      intentId,
    ],
  );
  if (status === 'SUCCEEDED') await recordCapture(em, intent, allocations, locked.orders, payment);
  if (status === 'REQUIRES_CAPTURE') await recordAuthorization(em, intent, allocations, payment.id);
  if (status === 'FAILED') await publishFailure(em, intent, allocations, failure!);
  if (status === 'PROCESSING') await scheduleRecheck(em, intentId, options.recheckAfterMs, 0);
  return 'APPLIED';
}

/**
 * A capture's marks on its intent (the provider's charge, when it succeeded), written by the update that records
 * what the provider said rather than by a statement of their own: `capturedColumns` with `capturedValues`.
 */
const capturedColumns = 'provider_charge_id = coalesce(?, provider_charge_id), succeeded_at = case when ?::boolean then now() else succeeded_at end';
const capturedValues = (captured: boolean, payment: ProviderPayment): [string | null, boolean] => [
  captured ? (payment.chargeId ?? payment.id) : null,
  captured,
];

/** A held charge at ship whose order has shipped and not ended: what its capture is for. */
function heldForShippedOrder(intent: Row, orders: readonly Row[]): boolean {
  return (
    intent.status === 'REQUIRES_CAPTURE' && orders.length > 0 && orders.every((o) => departedOrderStatuses.includes(o.status as OrderStatus) && !orderEnded(o))
  );
}

export async function scheduleRecheck(em: EntityManager, intentId: string, afterMs: number, round: number): Promise<void> {
  await scheduleTimer(em, { kind: recheckIntentTimer, key: intentId, dueAt: new Date(storeNow().getTime() + afterMs), payload: { round } });
}

/** Marks an intent FAILED without the provider (no saved card, the provider refused the request) and says so. */
export async function failIntent(em: EntityManager, intentId: string, failure: PaymentFailure): Promise<void> {
  await disarmAbandonment(em, intentId);
  const locked = await lockIntent(em, intentId);
  if (!locked) return;
  const { intent, allocations } = locked;
  if (intent.status === 'SUCCEEDED' || intent.status === 'CANCELLED' || intent.status === 'PROCESSING') return;
  await em.execute(
    `update ${schemaOf(em)}.payment_intent set status = 'FAILED', in_flight_until = null, next_action = null, failure_kind = ?, failure_message = ?, failure_code = ?, updated_at = now() where id = ?`,
    [failure.kind, failure.message, failure.providerCode?.slice(0, 80) ?? null, intentId],
  );
  await publishFailure(em, intent, allocations, failure);
}

async function publishFailure(em: EntityManager, intent: Row, allocations: Row[], failure: PaymentFailure): Promise<void> {
  payments.recordEvent(em, {
    definition: paymentFailedV1,
    subject: intent.id,
    data: {
      paymentId: intent.id,
      customerId: intent.customer_id,
      purpose: intent.purpose,
      amount: { amount: Number(intent.amount), currency: intent.currency },
      dues: allocations.map((a) => ({ orderId: a.order_id, dueId: a.due_id })),
      reason: failure.message,
      providerCode: failure.providerCode?.slice(0, 80) ?? null,
      failedAt: storeNow().toISOString(),
    },
  });
}

/**
 * A captured charge: booked (CHARGE_CAPTURED, one share per order), one
 * charge row per order (what refunds are taken from), its open dues settled
 * and PaymentSucceeded published for them. A share paying a due that is no
 * longer open (the order was cancelled or expired meanwhile, another payment
 * settled it first, or the store waived the extra shipping invoice) goes
 * straight back to the customer: a full refund of that share. The card is saved when the customer asked.
 * `orders`: the allocations' orders as locked by the caller (lockIntent); the
 * caller marks the intent itself (capturedColumns).
 */
async function recordCapture(em: EntityManager, intent: Row, allocations: Row[], orders: readonly Row[], payment: ProviderPayment): Promise<void> {
  const s = schemaOf(em);
  const chargeId = payment.chargeId ?? payment.id;
  const orderIds = [...new Set(allocations.map((a) => String(a.order_id)))];
  const parts = orderIds.map((orderId) => {
    const mine = allocations.filter((a) => a.order_id === orderId);
    return { orderId, product: mine.reduce((n, a) => n + Number(a.product), 0), shipping: mine.reduce((n, a) => n + Number(a.shipping), 0) };
  });
  const recorded = await postTransaction(em, chargeCaptured({ chargeId, purpose: intent.purpose as PaymentPurpose, currency: intent.currency, parts }), {
    intentId: intent.id,
  });
  for (const part of parts) {
    await em.execute(
      `insert into ${s}.charge (id, intent_id, order_id, provider_charge_id, currency, amount, refunded, captured_sequence, created_at) values (?, ?, ?, ?, ?, ?, 0, ?, now())`,
      [randomUUID(), intent.id, part.orderId, chargeId, intent.currency, part.product + part.shipping, recorded.sequence],
    );
  }
  const closed = (allocation: Row) => {
    const order = orders.find((o) => o.id === allocation.order_id);
    return order !== undefined && orderEnded(order);
  };
  // The open dues of orders still open are settled by one update; only what it left (a share going back) is read.
  const settleable = allocations.filter((a) => !closed(a));
  const settledDueIds = new Set(
    settleable.length === 0
      ? []
      : (
          await em.execute<{ id: string }[]>(
            `update ${s}.payment_due set state = 'SETTLED', settled_by_intent_id = ?, closed_at = now() where id in (?) and state = 'OPEN' returning id`,
            [intent.id, settleable.map((a) => a.due_id)],
          )
        ).map((d) => d.id),
  );
  const settled = settleable.filter((a) => settledDueIds.has(a.due_id));
  const unsettled = allocations.filter((a) => !settled.includes(a));
  const dues =
    unsettled.length === 0 ? [] : await em.execute<Row[]>(`select * from ${s}.payment_due where id in (?) for update`, [unsettled.map((a) => a.due_id)]);
  // Captured after its order left (a charge at ship held until dispatch): earned at once, as shipping made the rest.
  for (const order of orders.filter((o) => departedOrderStatuses.includes(o.status as OrderStatus))) {
    const shipped = orderShipped(await positionOf(em, order.id, intent.currency));
    if (shipped) await postTransaction(em, shipped);
  }
  const giveBack = new Map<string, GiveBack>();
  for (const allocation of unsettled) {
    const due = dues.find((d) => d.id === allocation.due_id);
    const order = orders.find((o) => o.id === allocation.order_id);
    const why = giveBackReason(closed(allocation), due?.state, order?.status);
    const back = giveBack.get(allocation.order_id) ?? { amount: 0, ...why };
    giveBack.set(allocation.order_id, { ...back, amount: back.amount + Number(allocation.amount) });
  }
  if (settled.length > 0) {
    payments.recordEvent(em, {
      definition: paymentSucceededV1,
      subject: intent.id,
      data: {
        paymentId: intent.id,
        customerId: intent.customer_id,
        purpose: intent.purpose,
        amount: { amount: Number(intent.amount), currency: intent.currency },
        allocations: eventAllocations(settled, intent.currency),
        provider: intent.provider,
        succeededAt: storeNow().toISOString(),
      },
    });
  }
  for (const [orderId, back] of giveBack) {
    await decideRefund(em, {
      orderId,
      amount: back.amount,
      currency: intent.currency,
      reason: back.reason,
      ledgerReason: back.ledgerReason,
      requestedBy: null,
      note: `Automatic: payment ${intent.id} arrived for ${back.what}.`,
    });
  }
  if (intent.save_method && payment.method) await rememberSavedMethod(em, intent.customer_id, intent.provider, payment);
}

interface GiveBack {
  amount: number;
  reason: 'CANCELLATION' | 'EXPIRY' | 'DUPLICATE_PAYMENT' | 'SHIPPING_EXCESS';
  ledgerReason: 'CANCELLATION' | 'SHIPPING_EXCESS';
  what: string;
}

/**
 * Why a captured share goes back, and which accounts pay it: its order closed
 * (cancelled, expired) or its due void; an extra shipping invoice the store
 * waived meanwhile (shipping given back, from what shipping holds or earned:
 * the order may have shipped since); otherwise a due another payment settled.
 */
function giveBackReason(closed: boolean, dueState: string | undefined, orderStatus: string | undefined): Omit<GiveBack, 'amount'> {
  if (closed || dueState === 'VOID') {
    return { reason: orderStatus === 'EXPIRED' ? 'EXPIRY' : 'CANCELLATION', ledgerReason: 'CANCELLATION', what: 'an order already closed' };
  }
  if (dueState === 'WAIVED') return { reason: 'SHIPPING_EXCESS', ledgerReason: 'SHIPPING_EXCESS', what: 'an extra shipping invoice the store waived' };
  return { reason: 'DUPLICATE_PAYMENT', ledgerReason: 'CANCELLATION', what: 'a due already paid' };
}

async function rememberSavedMethod(em: EntityManager, customerId: string, provider: string, payment: ProviderPayment): Promise<void> {
  const method = payment.method!;
  if (!method.providerCustomerId) return;
  const s = schemaOf(em);
  const [existing] = await em.execute<Row[]>(`select id from ${s}.payment_method where customer_id = ? and provider_method_id = ? and removed_at is null`, [
    customerId,
    method.providerMethodId,
  ]);
  if (existing) return;
  const id = randomUUID();
  await em.execute(
    `insert into ${s}.payment_method (id, customer_id, provider, provider_method_id, provider_customer_id, brand, last4, exp_month, exp_year, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, now())`,
    [id, customerId, provider, method.providerMethodId, method.providerCustomerId, method.brand.slice(0, 40), method.last4, method.expMonth, method.expYear],
  );
  payments.recordEvent(em, {
    definition: paymentMethodSavedV1,
    subject: id,
    data: { paymentMethodId: id, customerId, brand: method.brand.slice(0, 40), last4: method.last4, expMonth: method.expMonth, expYear: method.expYear },
  });
}
