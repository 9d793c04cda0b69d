import type { EntityManager } from '@mikro-orm/postgresql';
import { onTimer, type DueTimer } from '@vitrine/platform';
import { describeFailure } from '../domain/failure-reasons.js';
import { callProvider, runtimeOf } from '../config/payments-runtime.js';
import { ProviderRejected, ProviderUnavailable } from '../providers/payment-provider.js';
import { schemaOf, toDate, type Row } from '../store/sql.js';
import { paymentRequestFor, resolveLapsedAttempt, runAttempt, sendAgain } from './attempt.js';
import { abandonedAttemptTimer, applyPaymentUpdate, failIntent, recheckIntentTimer, scheduleRecheck } from './intent-updates.js';
import { replaceLapsedHold } from './held-payments.js';
import { refundPayoutTimer } from './order-money.js';
import { cancelProviderPaymentTimer, captureHeldPaymentTimer, chargeStoredMethodTimer } from './stored-method-charges.js';
import { payOutRefund } from './refund-payouts.js';

/** Runs of a stored-card charge the provider was down for before the customer is told it failed (orders' grace week starts). */
const storedChargeTries = 4;
const maxRecheckMs = 3_600_000;

async function intentRow(em: EntityManager, id: string): Promise<Row | undefined> {
  return (await em.execute<Row[]>(`select * from ${schemaOf(em)}.payment_intent where id = ?`, [id]))[0];
}

/**
 * Charge at ship: the stored card, charged off-session under the intent's
 * own key (a retried timer re-sends the same request). The provider down:
 * tried again with backoff, then reported as failed. No card on file: failed
 * at once, with a reason the customer can act on.
 */
async function chargeStoredMethod(timer: DueTimer, em: EntityManager): Promise<void> {
  const runtime = runtimeOf(em);
  const intent = await intentRow(em, timer.key);
  if (!intent || intent.status !== 'REQUIRES_PAYMENT_METHOD') return;
  const prepared = await paymentRequestFor(em, runtime, intent);
  if ('missingMethod' in prepared) {
    await failIntent(em, intent.id, {
      kind: 'PAYMENT_FAILED',
      message: 'There is no saved card to charge for this order. Please pay with a card from your order page.',
      providerCode: 'no_stored_method',
      retryable: false,
    });
    return;
  }
  let payment;
  try {
    payment = await callProvider(runtime, 'charge stored card', (p) => p.createPayment(prepared.request, prepared.key));
  } catch (err) {
    if (err instanceof ProviderUnavailable && !err.maybeApplied && timer.attempts + 1 < storedChargeTries) throw err;
    // The answer (or the lack of one) is applied by the same path a customer's payment takes.
    await runAttempt(em, runtime, intent.id, () => Promise.reject(err), { inTransaction: true });
    return;
  }
  await applyPaymentUpdate(em, intent.id, payment, { recheckAfterMs: runtime.settings.PAYMENTS_RECHECK_AFTER_MS });
}

/**
 * A PROCESSING intent (no answer, a slow method) asked again: the same
 * request under the same key (the provider answers with what it did), or
 * the payment by its id. Still processing: asked again later, backing off.
 * This is what repairs a webhook that never came.
 */
async function recheckIntent(timer: DueTimer, em: EntityManager): Promise<void> {
  const runtime = runtimeOf(em);
  const intent = await intentRow(em, timer.key);
  if (!intent || intent.status !== 'PROCESSING') return;
  const round = Number(timer.payload.round ?? 0);
  let payment;
  if (intent.provider_payment_id) {
    payment = await callProvider(runtime, 'retrieve payment', (p) => p.retrievePayment(intent.provider_payment_id));
  } else {
    try {
      payment = await sendAgain(em, runtime, intent);
    } catch (err) {
      if (err instanceof ProviderRejected) return failIntent(em, intent.id, describeFailure(err.code));
      throw err;
    }
  }
  await applyPaymentUpdate(em, intent.id, payment, { recheckAfterMs: runtime.settings.PAYMENTS_RECHECK_AFTER_MS });
  const after = await intentRow(em, intent.id);
  if (after?.status === 'PROCESSING') {
    await scheduleRecheck(em, intent.id, Math.min(maxRecheckMs, runtime.settings.PAYMENTS_RECHECK_AFTER_MS * 2 ** (round + 1)), round + 1);
  }
}

/** An attempt whose process died before applying the provider's answer, past its lease: asked again under its key (resolveLapsedAttempt). */
async function resolveAbandonedAttempt(timer: DueTimer, em: EntityManager): Promise<void> {
  const intent = await intentRow(em, timer.key);
  if (!intent || intent.status !== 'REQUIRES_PAYMENT_METHOD') return;
  const lease = toDate(intent.in_flight_until);
  if (lease && lease.getTime() > Date.now()) throw new Error('attempt still in flight; try later');
  await resolveLapsedAttempt(em, runtimeOf(em), intent, { inTransaction: true });
}

/** An attempt waiting on the customer's confirmation was superseded: cancelled at the provider too. */
async function cancelProviderPayment(timer: DueTimer, em: EntityManager): Promise<void> {
  const runtime = runtimeOf(em);
  const providerPaymentId = String(timer.payload.providerPaymentId);
  try {
    const payment = await callProvider(runtime, 'cancel payment', (p) => p.cancelPayment(providerPaymentId, `${timer.key}:cancel`));
    await applyPaymentUpdate(em, timer.key, payment, { recheckAfterMs: runtime.settings.PAYMENTS_RECHECK_AFTER_MS });
  } catch (err) {
    // Already captured or processing: its webhook (or the re-check) books it; there is nothing to cancel.
    if (!(err instanceof ProviderRejected)) throw err;
    const payment = await callProvider(runtime, 'retrieve payment', (p) => p.retrievePayment(providerPaymentId));
    await applyPaymentUpdate(em, timer.key, payment, { recheckAfterMs: runtime.settings.PAYMENTS_RECHECK_AFTER_MS });
  }
}

/**
 * A charge at ship held until dispatch, its order now shipped: captured for
 * what it holds now (the shipping estimate less any excess released), under
 * a key naming that amount. The provider down: the timer tries again. The
 * hold refused (it lapsed): the stored card is charged afresh instead.
 */
async function captureHeldPayment(timer: DueTimer, em: EntityManager): Promise<void> {
  const runtime = runtimeOf(em);
  const intent = await intentRow(em, timer.key);
  if (!intent || intent.status !== 'REQUIRES_CAPTURE' || !intent.provider_payment_id) return;
  const amount = Number(intent.amount);
  let payment;
  try {
    payment = await callProvider(runtime, 'capture held payment', (p) =>
      p.capturePayment(intent.provider_payment_id, amount, `${intent.id}:capture:${amount}`),
    );
  } catch (err) {
    if (!(err instanceof ProviderRejected)) throw err;
    runtime.logger.warn(
      { intentId: intent.id, code: err.code, err: err.message },
      'payments: a held payment could not be captured; charging the stored card instead',
    );
    await replaceLapsedHold(em, intent, err.code);
    return;
  }
  await applyPaymentUpdate(em, intent.id, payment, { recheckAfterMs: runtime.settings.PAYMENTS_RECHECK_AFTER_MS });
}

export const paymentsTimers = [
  onTimer(chargeStoredMethodTimer, chargeStoredMethod),
  onTimer(recheckIntentTimer, recheckIntent),
  onTimer(abandonedAttemptTimer, resolveAbandonedAttempt),
  onTimer(cancelProviderPaymentTimer, cancelProviderPayment),
  onTimer(captureHeldPaymentTimer, captureHeldPayment),
  onTimer(refundPayoutTimer, (timer, em) => payOutRefund(em, runtimeOf(em), timer.key)),
];
