import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { onTimer, type DueTimer } from '@vitrine/platform';
import { chargeAtShipRetryDeadline, deadlineRegion, expiryOutcome } from '@vitrine/policy';
import { policyFacts } from '../domain/policy-facts.js';
import { Order } from '../store/order.entity.js';
import { endOrder } from './end-order.js';
import { moveOrder, paymentDeadlineTimer } from './order-life.js';
import { completionTimer } from './fulfilment.js';
import { recordAudit } from './record-audit.js';
import { policyVersion } from './store-policies.js';

/**
 * A due's deadline passed. Still unpaid: the order ends under the policy it
 * was placed under. A failed charge at ship is cancelled (003: "If payment is
 * not complete within a week, the order will be canceled"); any other unpaid
 * order expires, keeping what the policy keeps and counting toward the
 * customer's abuse record where it says so, except an abandoned checkout.
 * An order that has already left (a held charge at ship that could not be
 * taken at dispatch) cannot be cancelled: it stays owed, for staff to chase.
 */
async function onPaymentDeadline(timer: DueTimer, em: EntityManager): Promise<void> {
  const order = await em.findOne(Order, String(timer.payload.orderId), { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['lines', 'dues'] });
  const due = order?.dues.getItems().find((d) => d.id === timer.key);
  if (!order || !due || due.status !== 'OPEN' || order.outcome) return;
  if (order.shippedAt) {
    recordAudit(em, null, 'order.payment-overdue-after-shipment', order.id, { dueId: due.id, purpose: due.purpose, status: order.status });
    return;
  }
  const policy = await policyVersion(em, order.policyVersion);
  if (due.purpose === 'CHARGE_AT_SHIP') {
    const rule = chargeAtShipRetryDeadline(policy, due.dueAt ?? timer.dueAt, deadlineRegion(policy, order.warehouseCountry)).rule;
    const paid = policyFacts(order, order.dues.getItems());
    const total = paid.paid.deposit + paid.paid.balance + paid.paid.full + paid.paid.downPayment + paid.paid.shipping;
    return endOrder(em, order, {
      kind: 'CANCELLED',
      by: 'SYSTEM',
      reason: 'PAYMENT_NOT_COMPLETED',
      kept: 0,
      refund: total,
      rule,
      feesWaived: false,
      countsTowardAbuse: false,
    });
  }
  const outcome = expiryOutcome(policy, policyFacts(order, order.dues.getItems()));
  const abandonedCheckout = !order.firstPaidAt && ['DEPOSIT', 'FULL_PAYMENT', 'DOWN_PAYMENT'].includes(due.purpose);
  await endOrder(em, order, {
    kind: 'EXPIRED',
    by: 'SYSTEM',
    reason: 'UNPAID',
    kept: outcome.kept.amount,
    refund: outcome.refund.amount,
    rule: outcome.rule,
    feesWaived: false,
    countsTowardAbuse: outcome.countsTowardAbuse && !abandonedCheckout,
  });
}

/** A delivered order whose return and claim windows have closed is complete. */
async function onCompletion(timer: DueTimer, em: EntityManager): Promise<void> {
  const order = await em.findOne(Order, timer.key, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['lines', 'dues'] });
  if (order?.status === 'DELIVERED') moveOrder(em, order, 'COMPLETED');
}

export const ordersTimers = [onTimer(paymentDeadlineTimer, onPaymentDeadline), onTimer(completionTimer, onCompletion)];
