import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceUnavailable } from '@vitrine/platform';
import { describeFailure } from '../domain/failure-reasons.js';
import { callProvider, type PaymentsRuntime } from '../config/payments-runtime.js';
import { ProviderRejected, ProviderUnavailable, type CreatePaymentRequest, type ProviderPayment } from '../providers/payment-provider.js';
import { schemaOf, type Row } from '../store/sql.js';
import { applyPaymentUpdate, disarmAbandonment, failIntent, scheduleRecheck } from './intent-updates.js';

/**
 * The provider call that would (re)create this intent's payment: the same
 * request under the same key, however often it is sent (the provider refuses
 * a key sent again with other parameters). `resend`: it went out before, so a
 * stored card removed since still names what was sent.
 */
export async function paymentRequestFor(
  em: EntityManager,
  runtime: PaymentsRuntime,
  intent: Row,
  options: { resend?: boolean } = {},
): Promise<{ request: CreatePaymentRequest; key: string } | { missingMethod: true }> {
  const s = schemaOf(em);
  let method: CreatePaymentRequest['method'];
  if (intent.method_token) {
    method = { token: intent.method_token };
  } else {
    const [saved] = await em.execute<Row[]>(`select * from ${s}.payment_method where id = ?${options.resend ? '' : ' and removed_at is null'}`, [
      intent.payment_method_id,
    ]);
    if (!saved) return { missingMethod: true };
    method = { providerMethodId: saved.provider_method_id, providerCustomerId: saved.provider_customer_id };
  }
  const saveForCustomer = intent.save_method && 'token' in method ? await ensureProviderCustomer(em, runtime, intent.customer_id) : null;
  return {
    key: `${intent.id}:${intent.attempts}`,
    request: {
      intentId: intent.id,
      amount: Number(intent.amount),
      currency: intent.currency,
      method,
      capture: intent.capture === 'AT_DISPATCH' ? 'manual' : 'automatic',
      offSession: intent.initiated_by === 'SYSTEM',
      saveForCustomer,
      description: `Vitrine ${String(intent.purpose).toLowerCase().replaceAll('_', ' ')} ${intent.id}`,
    },
  };
}

/** Our customer at the provider, created once (under a key of its own, so two racing calls make one). */
export async function ensureProviderCustomer(em: EntityManager, runtime: PaymentsRuntime, customerId: string): Promise<string> {
  const s = schemaOf(em);
  const find = async () =>
    (
      await em.execute<Row[]>(`select provider_customer_id from ${s}.provider_customer where customer_id = ? and provider = ?`, [
        customerId,
        runtime.provider.name,
      ])
    )[0]?.provider_customer_id as string | undefined;
  const known = await find();
  if (known) return known;
  const created = await callProvider(runtime, 'create customer', (p) => p.createCustomer(customerId, `customer:${customerId}`));
  await em.execute(
    `insert into ${s}.provider_customer (customer_id, provider, provider_customer_id, created_at) values (?, ?, ?, now()) on conflict do nothing`,
    [customerId, runtime.provider.name, created],
  );
  return (await find()) ?? created;
}

export type AttemptOutcome = { kind: 'done' } | { kind: 'unavailable'; message: string };

/**
 * One provider call on an intent and what follows, in a transaction of its
 * own after the call (never holding a lock across it):
 * - an answer: applied (succeeded, failed, needs a confirmation...);
 * - no answer in time, or a 5xx (the charge may have happened): the intent
 *   waits as PROCESSING and a timer re-checks it with the same key; never a
 *   second charge;
 * - the provider down before anything happened: the attempt fails as
 *   PROVIDER_UNAVAILABLE (the customer was not charged; `unavailable`);
 * - the provider refused the request (an unknown token...): FAILED with its reason.
 */
export async function runAttempt(
  em: EntityManager,
  runtime: PaymentsRuntime,
  intentId: string,
  call: () => Promise<ProviderPayment>,
  options: { inTransaction?: boolean } = {},
): Promise<AttemptOutcome> {
  const recheckAfterMs = runtime.settings.PAYMENTS_RECHECK_AFTER_MS;
  // A timer already runs in its transaction; a request opens its own after the call.
  const transaction = <T>(work: (tx: EntityManager) => Promise<T>): Promise<T> => (options.inTransaction ? work(em) : em.fork().transactional(work));
  let payment: ProviderPayment;
  try {
    payment = await call();
  } catch (err) {
    if (err instanceof ProviderUnavailable && err.maybeApplied) {
      runtime.logger.warn({ intentId, err: err.message }, 'payments: no answer from the provider; the intent waits as processing and will be re-checked');
      await transaction(async (tx) => {
        await disarmAbandonment(tx, intentId);
        const s = schemaOf(tx);
        const moved = await tx.execute<Row[]>(
          `update ${s}.payment_intent set status = 'PROCESSING', in_flight_until = null, updated_at = now() where id = ? and status = 'REQUIRES_PAYMENT_METHOD' returning id`,
          [intentId],
        );
        if (moved.length > 0) await scheduleRecheck(tx, intentId, recheckAfterMs, 0);
      });
      return { kind: 'done' };
    }
    if (err instanceof ProviderUnavailable) {
      const failure = describeFailure(err.code);
      await transaction((tx) => failIntent(tx, intentId, { ...failure, kind: 'PROVIDER_UNAVAILABLE', retryable: true }));
      return { kind: 'unavailable', message: describeFailure('try_again_later').message };
    }
    if (err instanceof ProviderRejected) {
      runtime.logger.warn({ intentId, code: err.code, err: err.message }, 'payments: the provider refused the request');
      await transaction((tx) => failIntent(tx, intentId, describeFailure(err.code)));
      return { kind: 'done' };
    }
    throw err;
  }
  await transaction((tx) => applyPaymentUpdate(tx, intentId, payment, { recheckAfterMs }));
  return { kind: 'done' };
}

/**
 * This intent's payment requested again: the very request under the same key,
 * so the provider answers with what it did the first time, or does it now,
 * once. No card left to name: refused (ProviderRejected, no code).
 */
export async function sendAgain(em: EntityManager, runtime: PaymentsRuntime, intent: Row): Promise<ProviderPayment> {
  const prepared = await paymentRequestFor(em, runtime, intent, { resend: true });
  if ('missingMethod' in prepared) throw new ProviderRejected('The stored card this attempt used is gone.', null);
  return callProvider(runtime, 'payment (asked again)', (p) => p.createPayment(prepared.request, prepared.key));
}

/**
 * An attempt whose answer nobody applied (its process died during the call)
 * and whose lease lapsed: sent again (`sendAgain`), never given up blind:
 * giving up, then charging afresh, charges twice when the first call went
 * through. No answer (or none to be had): PROCESSING, re-checked the same way
 * later. A card gone: failed; a charge it made still arrives by webhook,
 * booked then (refunded if no longer owed).
 */
export async function resolveLapsedAttempt(em: EntityManager, runtime: PaymentsRuntime, intent: Row, options: { inTransaction?: boolean } = {}): Promise<void> {
  const askAgain = () =>
    sendAgain(em, runtime, intent).catch((err: unknown) => {
      // Unreachable now says nothing about the first call: still unknown.
      throw err instanceof ProviderUnavailable && !err.maybeApplied ? new ProviderUnavailable(err.message, true, err.code) : err;
    });
  await runAttempt(em, runtime, intent.id, askAgain, options);
}

/** The customer-facing form of `runAttempt`: an unavailable provider is a SERVICE_UNAVAILABLE error saying nothing was charged. */
export function throwIfUnavailable(outcome: AttemptOutcome): void {
  if (outcome.kind === 'unavailable') throw new ServiceUnavailable(outcome.message);
}
