import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, EventEnvelope, paymentAuthorizedV1, paymentFailedV1, paymentSucceededV1 } from '@vitrine/contracts';
import { cancelTimer, scheduleTimer, storeNow } from '@vitrine/platform';
import { chargeAtShipRetryDeadline, deadlineRegion } from '@vitrine/policy';
import { OrderDue } from '../store/order-due.entity.js';
import { Order } from '../store/order.entity.js';
import { announceDue, moveOrder, openDues, paymentDeadlineTimer } from './order-life.js';
import { openArrivalNotice } from './arrival-notices.js';
import { openBalanceIfReleased } from './release-balances.js';
import { policyVersion } from './store-policies.js';

/**
 * PaymentSucceeded: each due it settles is PAID (once: a redelivered or
 * duplicate event finds it paid) and its deadline called off; an order with
 * nothing left open moves on. A held due (charge at ship, taken at dispatch)
 * is PAID the same way when payments captures it. A due that is no longer
 * open (the order was cancelled or expired meanwhile) changes nothing here:
 * payments refunds a payment for an ended order itself.
 */
export async function recordPayment(em: EntityManager, event: EventEnvelope<EventData<typeof paymentSucceededV1>>): Promise<void> {
  const at = new Date(event.data.succeededAt);
  for (const allocation of [...event.data.allocations].sort((a, b) => a.orderId.localeCompare(b.orderId))) {
    const order = await em.findOne(Order, allocation.orderId, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['lines', 'dues'] });
    const due = order?.dues.getItems().find((d) => d.id === allocation.dueId);
    if (!order || !due || (due.status !== 'OPEN' && due.status !== 'HELD')) continue;
    due.status = 'PAID';
    due.paidAt = at;
    due.paymentId = event.data.paymentId;
    due.lastFailure = null;
    await cancelTimer(em, paymentDeadlineTimer, due.id);
    order.firstPaidAt ??= at;
    await advanceAfterPayment(em, order);
  }
}

/**
 * PaymentAuthorized: the amount is held on the card (charge at ship, taken
 * at dispatch). The due is HELD, its deadline called off, and the order moves
 * on as if paid: the warehouse may start. Once: a redelivered event finds it
 * held. An ended order's due stays void (payments releases the hold itself).
 */
export async function recordAuthorization(em: EntityManager, event: EventEnvelope<EventData<typeof paymentAuthorizedV1>>): Promise<void> {
  for (const allocation of [...event.data.allocations].sort((a, b) => a.orderId.localeCompare(b.orderId))) {
    const order = await em.findOne(Order, allocation.orderId, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['lines', 'dues'] });
    const due = order?.dues.getItems().find((d) => d.id === allocation.dueId);
    if (!order || !due || due.status !== 'OPEN') continue;
    due.status = 'HELD';
    due.paymentId = event.data.paymentId;
    due.lastFailure = null;
    await cancelTimer(em, paymentDeadlineTimer, due.id);
    await advanceAfterPayment(em, order);
  }
}

async function advanceAfterPayment(em: EntityManager, order: Order): Promise<void> {
  if (openDues(order).length > 0) return;
  if (order.status === 'AWAITING_PAYMENT') {
    if (order.kind === 'IN_STOCK') return moveOrder(em, order, 'READY_TO_FULFIL');
    moveOrder(em, order, 'SECURED');
    // Released or arrived while the first payment was being made: the next notice is due now.
    await openBalanceIfReleased(em, order, storeNow());
    await openArrivalNotice(em, order, storeNow());
    return;
  }
  if (order.status === 'PAYMENT_DUE') moveOrder(em, order, 'READY_TO_FULFIL');
}

/**
 * PaymentFailed: the customer can see why on the order. A failed charge at
 * ship starts the policy's grace period (003: a week from our email): the due
 * turns into one the customer pays, with that deadline. That includes a held
 * amount payments could not take at dispatch (the hold lapsed and the card
 * then declined): the due is open again, for the customer to pay.
 */
export async function recordPaymentFailure(em: EntityManager, event: EventEnvelope<EventData<typeof paymentFailedV1>>): Promise<void> {
  const failedAt = new Date(event.data.failedAt);
  for (const { orderId, dueId } of event.data.dues) {
    const order = await em.findOne(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['lines', 'dues'] });
    const due = order?.dues.getItems().find((d: OrderDue) => d.id === dueId);
    if (!order || !due || (due.status !== 'OPEN' && due.status !== 'HELD')) continue;
    due.status = 'OPEN';
    due.lastFailure = event.data.reason;
    if (due.purpose !== 'CHARGE_AT_SHIP' || due.collect !== 'STORED_METHOD') continue;
    const policy = await policyVersion(em, order.policyVersion);
    const deadline = chargeAtShipRetryDeadline(policy, failedAt, deadlineRegion(policy, order.warehouseCountry));
    due.collect = 'CUSTOMER';
    due.dueAt = deadline.at;
    due.ruleText = deadline.rule.text;
    announceDue(em, order, due);
    await scheduleTimer(em, { kind: paymentDeadlineTimer, key: due.id, dueAt: deadline.at, payload: { orderId: order.id } });
  }
}
