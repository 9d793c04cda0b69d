import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFound, PolicyViolation, requireUuid } from '@vitrine/platform';
import { callProvider, type PaymentsRuntime } from '../config/payments-runtime.js';
import { schemaOf, type Row } from '../store/sql.js';
import { runAttempt, throwIfUnavailable } from './attempt.js';
import { runIdempotently } from './idempotent.js';
import { loadIntentView, type PaymentIntentView } from './views.js';

/**
 * The extra step a bank may ask for (3-D Secure): the customer confirms
 * their own REQUIRES_ACTION payment; once per idempotency key. Someone
 * else's payment is NOT_FOUND; one that needs no confirmation is a
 * POLICY_VIOLATION (NOTHING_TO_CONFIRM) saying what it is.
 */
export async function confirmPayment(
  em: EntityManager,
  runtime: PaymentsRuntime,
  command: { customerId: string; intentId: string; idempotencyKey: string },
): Promise<PaymentIntentView> {
  const intentId = requireUuid(command.intentId, 'intentId', 'payment');
  return runIdempotently(em, { scope: command.customerId, key: command.idempotencyKey, operation: 'confirmPayment', params: { intentId } }, async () => {
    const [intent] = await em.fork().execute<Row[]>(`select * from ${schemaOf(em)}.payment_intent where id = ?`, [intentId]);
    if (!intent || intent.customer_id !== command.customerId) throw new NotFound('Payment', command.intentId);
    if (intent.status !== 'REQUIRES_ACTION' || !intent.provider_payment_id) {
      throw new PolicyViolation(
        `This payment is ${String(intent.status).toLowerCase().replaceAll('_', ' ')}: there is nothing to confirm.`,
        'NOTHING_TO_CONFIRM',
        {
          status: intent.status,
        },
      );
    }
    const key = `${intentId}:confirm:${intent.attempts}`;
    throwIfUnavailable(
      await runAttempt(em.fork(), runtime, intentId, () => callProvider(runtime, 'confirm payment', (p) => p.confirmPayment(intent.provider_payment_id, key))),
    );
    return (await loadIntentView(em.fork(), intentId))!;
  });
}
