import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry, BadUserInput, NotFound, checkStaffReason, requireUuid } from '@vitrine/platform';
import { isCurrencyCode } from '../domain/money.js';
import type { PaymentsRuntime } from '../config/payments-runtime.js';
import { schemaOf } from '../store/sql.js';
import { runIdempotently } from './idempotent.js';
import { decideRefund } from './order-money.js';
import { payOutRefund } from './refund-payouts.js';
import { loadRefundView, type RefundView } from './views.js';

export interface RefundPaymentCommand {
  staffId: string;
  orderId: string;
  amount: { amount: number; currency: string };
  reason: string;
  idempotencyKey: string;
}

/**
 * Staff refund part or all of an order (scope payments:write), saying why.
 * Once per idempotency key. The order's money lock and the ledger decide:
 * never more than paid minus refunded, however many run at once (the
 * refused ones say how much can still be refunded); the charges' CHECK
 * backs it up. Audited in the same transaction as the decision; paid out at
 * once when the provider answers, else by the payout timer.
 */
export async function refundPayment(em: EntityManager, runtime: PaymentsRuntime, command: RefundPaymentCommand): Promise<RefundView> {
  const orderId = requireUuid(command.orderId, 'orderId', 'order');
  const { reason, problems } = checkStaffReason(command.reason);
  if (problems.length > 0) throw new BadUserInput('Please say why the money goes back (1-500 characters).', problems);
  const { amount, currency } = command.amount;
  if (!Number.isSafeInteger(amount) || amount <= 0 || !isCurrencyCode(currency)) {
    const message = 'A refund is a whole amount of minor units above zero, in an ISO 4217 currency.';
    throw new BadUserInput(message, [{ field: 'amount', reason: 'OUT_OF_RANGE', message }]);
  }
  const params = { orderId, amount, currency, reason };
  return runIdempotently(em, { scope: command.staffId, key: command.idempotencyKey, operation: 'refundPayment', params }, async (run) => {
    const refundId =
      run.resumeId ??
      (await em.fork().transactional(async (tx) => {
        const [order] = await tx.execute<{ id: string }[]>(`select id from ${schemaOf(tx)}.known_order where id = ?`, [orderId]);
        if (!order) throw new NotFound('Order', command.orderId);
        const decided = await decideRefund(tx, {
          orderId,
          amount,
          currency,
          reason: 'STAFF',
          ledgerReason: 'STAFF',
          requestedBy: command.staffId,
          note: reason,
        });
        await run.remember(tx, decided.id);
        tx.persist(
          tx.create(AuditEntry, {
            id: randomUUID(),
            actor: command.staffId,
            action: 'payments.refund.decided',
            subject: orderId,
            details: { refundId: decided.id, amount, currency, reason },
          }),
        );
        return decided.id;
      }));
    // Paid out now if the provider answers; the payout timer armed with the decision does it otherwise.
    await em
      .fork()
      .transactional((tx) => payOutRefund(tx, runtime, refundId))
      .catch((err) => runtime.logger.warn({ err, refundId }, 'payments: refund payout deferred to its timer'));
    return (await loadRefundView(em.fork(), refundId))!;
  });
}
