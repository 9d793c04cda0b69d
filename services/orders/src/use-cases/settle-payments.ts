import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, EventEnvelope, paymentAuthorizedV1, paymentFailedV1, paymentSucceededV1 } from '@vitrine/contracts';
import { cancelTimer, scheduleTimer, storeNow, type SetUseCase } from '@vitrine/platform';
import { chargeAtShipRetryDeadline, deadlineRegion } from '@vitrine/policy';
import { OrderDue } from '../store/order-due.entity.js';
import { Order } from '../store/order.entity.js';
import { announceDue, moveOrder, openDues, paymentDeadlineTimer } from './order-life.js';
import { openArrivalNotice } from './arrival-notices.js';
import { openBalanceIfReleased } from './release-balances.js';
import { policyVersion } from './store-policies.js';

/**
 * What payments says of the dues it settled: PAID (PaymentSucceeded) or
 * HELD on the card (PaymentAuthorized: charge at ship, taken at dispatch).
 */
export interface Settlement {
  outcome: 'PAID' | 'HELD';
  paymentId: string;
  /** When the payment succeeded (PAID only). */
  at: Date | null;
  allocations: readonly { orderId: string; dueId: string }[];
}

export const paidSettlement = (event: EventEnvelope<EventData<typeof paymentSucceededV1>>): Settlement => ({
  outcome: 'PAID',
  paymentId: event.data.paymentId,
  at: new Date(event.data.succeededAt),
  allocations: event.data.allocations,
});

export const heldSettlement = (event: EventEnvelope<EventData<typeof paymentAuthorizedV1>>): Settlement => ({
  outcome: 'HELD',
  paymentId: event.data.paymentId,
  at: null,
  allocations: event.data.allocations,
});

/**
 * Payments' settlements in batches (a drop's deposits arrive together): the
 * orders of a whole batch are locked and loaded in one select, in id order
 * (as one settlement alone locks its orders), then each settlement applies.
 *
 * PAID: each due it settles is PAID (once: a redelivered or duplicate event
 * finds it paid) and its deadline called off; an order with nothing left open
 * moves on. A held due (charge at ship, taken at dispatch) is PAID the same
 * way when payments captures it. HELD: the amount is held on the card; the
 * due is HELD, its deadline called off, and the order moves on as if paid (the
 * warehouse may start). A due that is no longer open (the order was cancelled
 * or expired meanwhile) changes nothing here: payments refunds a payment for
 * an ended order, or releases its hold, itself.
 */
export const settlePayments: SetUseCase<Settlement, Map<string, Order>> = {
  async load(settlements, em) {
    const ids = [...new Set(settlements.flatMap((s) => s.allocations.map((a) => a.orderId)))];
    const found = await em.find(Order, { id: { $in: ids } }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['lines', 'dues'], orderBy: { id: 'asc' } });
    return new Map(found.map((o) => [o.id, o]));
  },
  async apply(settlement, orders, em) {
    for (const allocation of [...settlement.allocations].sort((a, b) => a.orderId.localeCompare(b.orderId))) {
      const order = orders.get(allocation.orderId);
      const due = order?.dues.getItems().find((d) => d.id === allocation.dueId);
      if (!order || !due) continue;
      if (settlement.outcome === 'PAID' ? due.status !== 'OPEN' && due.status !== 'HELD' : due.status !== 'OPEN') continue;
      due.status = settlement.outcome;
      due.paymentId = settlement.paymentId;
      due.lastFailure = null;
      if (settlement.at) {
        due.paidAt = settlement.at;
        order.firstPaidAt ??= settlement.at;
      }
      await cancelTimer(em, paymentDeadlineTimer, due.id);
      await advanceAfterPayment(em, order);
    }
  },
};

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
