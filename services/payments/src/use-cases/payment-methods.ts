import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { paymentMethodRemovedV1, paymentMethodSavedV1 } from '@vitrine/contracts';
import { BadUserInput, NotFound, ServiceUnavailable, requireUuid } from '@vitrine/platform';
import { describeFailure } from '../domain/failure-reasons.js';
import { callProvider, type PaymentsRuntime } from '../config/payments-runtime.js';
import { payments } from '../identity.js';
import { ProviderRejected, ProviderUnavailable } from '../providers/payment-provider.js';
import type { PaymentMethod } from '../store/payment-method.entity.js';
import { schemaOf, type Row } from '../store/sql.js';
import { ensureProviderCustomer } from './attempt.js';
import { runIdempotently } from './idempotent.js';
import { maxTokenLength } from './pay.js';

export interface PaymentMethodView {
  id: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  createdAt: string;
}

const view = (row: Row): PaymentMethodView => ({
  id: row.id,
  brand: row.brand,
  last4: row.last4,
  expMonth: Number(row.exp_month),
  expYear: Number(row.exp_year),
  createdAt: new Date(row.created_at).toISOString(),
});

/**
 * Stores a card for later (charge at ship, one-click balances): a provider
 * SetupIntent (Stripe) under a key derived from the customer's, kept as the
 * provider's token plus brand, last four digits and expiry. A card the bank
 * refuses to store is a POLICY_VIOLATION with the customer-readable reason.
 */
export async function savePaymentMethod(
  em: EntityManager,
  runtime: PaymentsRuntime,
  command: { customerId: string; token: string; idempotencyKey: string },
): Promise<PaymentMethodView> {
  if (command.token.length === 0 || command.token.length > maxTokenLength) {
    throw new BadUserInput('Please check the card.', [
      { field: 'token', reason: 'OUT_OF_RANGE', message: `A payment token has 1 to ${maxTokenLength} characters.` },
    ]);
  }
  return runIdempotently(
    em,
    { scope: command.customerId, key: command.idempotencyKey, operation: 'savePaymentMethod', params: { token: command.token } },
    async () => {
      const fork = em.fork();
      let saved;
      try {
        const customer = await ensureProviderCustomer(fork, runtime, command.customerId);
        saved = await callProvider(runtime, 'save card', (p) =>
          p.saveMethod({ token: command.token, providerCustomerId: customer }, `save-method:${command.customerId}:${command.idempotencyKey}`),
        );
      } catch (err) {
        if (err instanceof ProviderUnavailable) throw new ServiceUnavailable(describeFailure('try_again_later').message);
        if (err instanceof ProviderRejected) {
          throw new BadUserInput(describeFailure(err.code).message, [{ field: 'token', reason: 'CARD_NOT_SAVED', message: describeFailure(err.code).message }]);
        }
        throw err;
      }
      return fork.transactional(async (tx) => {
        const id = randomUUID();
        await tx.execute(
          `insert into ${schemaOf(tx)}.payment_method (id, customer_id, provider, provider_method_id, provider_customer_id, brand, last4, exp_month, exp_year, created_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, now())`,
          [
            id,
            command.customerId,
            runtime.provider.name,
            saved.providerMethodId,
            saved.providerCustomerId,
            saved.brand.slice(0, 40),
            saved.last4,
            saved.expMonth,
            saved.expYear,
          ],
        );
        payments.recordEvent(tx, {
          definition: paymentMethodSavedV1,
          subject: id,
          data: {
            paymentMethodId: id,
            customerId: command.customerId,
            brand: saved.brand.slice(0, 40),
            last4: saved.last4,
            expMonth: saved.expMonth,
            expYear: saved.expYear,
          },
        });
        const [row] = await tx.execute<Row[]>(`select * from ${schemaOf(tx)}.payment_method where id = ?`, [id]);
        return view(row!);
      });
    },
  );
}

export async function listPaymentMethods(em: EntityManager, customerId: string): Promise<PaymentMethodView[]> {
  const rows = await em.execute<Row[]>(
    `select * from ${schemaOf(em)}.payment_method where customer_id = ? and removed_at is null order by created_at desc, id`,
    [customerId],
  );
  return rows.map(view);
}

/**
 * Removes one of the customer's cards (detached at the provider, kept here
 * as removed for the history of past payments). Someone else's is NOT_FOUND.
 * Orders charged at ship must ask for another card (PaymentMethodRemoved).
 */
export async function removePaymentMethod(em: EntityManager, runtime: PaymentsRuntime, command: { customerId: string; id: string }): Promise<boolean> {
  const id = requireUuid(command.id, 'id', 'payment method');
  const [method] = await em.execute<PaymentMethod[] & Row[]>(
    `select * from ${schemaOf(em)}.payment_method where id = ? and customer_id = ? and removed_at is null`,
    [id, command.customerId],
  );
  if (!method) throw new NotFound('Payment method', command.id);
  try {
    await callProvider(runtime, 'remove card', (p) => p.removeMethod(method.provider_method_id));
  } catch (err) {
    if (err instanceof ProviderUnavailable) throw new ServiceUnavailable(describeFailure('try_again_later').message);
    if (!(err instanceof ProviderRejected)) throw err; // already gone there
  }
  await em.transactional(async (tx) => {
    const removed = await tx.execute<unknown[]>(
      `update ${schemaOf(tx)}.payment_method set removed_at = now() where id = ? and removed_at is null returning id`,
      [id],
    );
    if (removed.length === 0) return;
    payments.recordEvent(tx, { definition: paymentMethodRemovedV1, subject: id, data: { paymentMethodId: id, customerId: command.customerId } });
  });
  return true;
}
