import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, scheduleTimer, storeNow, type Caller } from '@vitrine/platform';
import { chargeAtShipCapture, claimWindow, deadlineAfter } from '@vitrine/policy';
import { requireStep } from '../domain/staff-steps.js';
import type { Order } from '../store/order.entity.js';
import { lockOrderFor } from './load-order.js';
import { moveOrder, openDue } from './order-life.js';
import { recordAudit } from './record-audit.js';
import { policyVersion } from './store-policies.js';

/** Fires when the return and claim windows of a delivered order have closed. */
export const completionTimer = 'order-completion';

/**
 * Staff fix the shipping date. From now on the address is fixed where the policy says so
 * (003), and a charge-at-ship order is charged: its stored method, by
 * payments, for what is left plus the shipping estimate; taken at once, or
 * held now and taken at dispatch, as the order's policy says.
 */
export async function confirmShippingDate(em: EntityManager, caller: Caller, orderId: string): Promise<Order> {
  return em.transactional(async (tx) => {
    const order = await lockOrderFor(tx, caller, orderId);
    // A repeat (a retried click) gets the order back as it is; staffSteps no longer lists the step.
    if (order.shippingDateConfirmedAt) return order;
    requireStep('CONFIRM_SHIPPING_DATE', order);
    order.shippingDateConfirmedAt = storeNow();
    recordAudit(tx, caller.id, 'order.shipping-date-confirmed', order.id, {});
    if (order.paymentPlan === 'CHARGE_AT_SHIP' && order.status === 'SECURED') {
      const left = order.totalAmount - paidGoods(order);
      await openDue(tx, order, {
        purpose: 'CHARGE_AT_SHIP',
        goods: left,
        shipping: order.shippingEstimateAmount,
        dueAt: null,
        collect: 'STORED_METHOD',
        ruleText: null,
        capture: chargeAtShipCapture(await policyVersion(tx, order.policyVersion)),
      });
      moveOrder(tx, order, 'PAYMENT_DUE');
    }
    return order;
  });
}

function paidGoods(order: Order): number {
  return order.dues
    .getItems()
    .filter((d) => d.status === 'PAID')
    .reduce((sum, d) => sum + d.goodsAmount, 0);
}

/** The warehouse started on a paid order (processed: some policies charge a fee to cancel from here). */
export async function startFulfilment(em: EntityManager, caller: Caller, orderId: string): Promise<Order> {
  return em.transactional(async (tx) => {
    const order = await lockOrderFor(tx, caller, orderId);
    requireStep('START_FULFILMENT', order);
    beginFulfilment(tx, order, { at: storeNow(), actor: caller.id });
    return order;
  });
}

/** The parcel left: catalog commits the units, payments recognises the revenue. */
export async function markShipped(em: EntityManager, caller: Caller, orderId: string, trackingNumber: string): Promise<Order> {
  const tracking = trackingNumber.trim();
  if (tracking.length < 4 || tracking.length > 80) {
    throw new BadUserInput('Give the carrier tracking number.', [
      { field: 'trackingNumber', reason: 'INVALID', message: 'A tracking number is 4 to 80 characters.' },
    ]);
  }
  return em.transactional(async (tx) => {
    const order = await lockOrderFor(tx, caller, orderId);
    requireStep('MARK_SHIPPED', order);
    ship(tx, order, { trackingNumber: tracking, at: storeNow(), actor: caller.id });
    return order;
  });
}

/**
 * The courier delivered it (its date starts the return and claim windows);
 * the order completes once the later of them has closed.
 */
export async function markDelivered(em: EntityManager, caller: Caller, orderId: string, deliveredAt: Date | null): Promise<Order> {
  const now = storeNow();
  if (deliveredAt && (Number.isNaN(deliveredAt.getTime()) || deliveredAt > now)) {
    throw new BadUserInput('The delivery date is not valid.', [{ field: 'deliveredAt', reason: 'INVALID', message: 'A delivery date is not in the future.' }]);
  }
  return em.transactional(async (tx) => {
    const order = await lockOrderFor(tx, caller, orderId);
    requireStep('MARK_DELIVERED', order);
    if (deliveredAt && order.shippedAt && deliveredAt < order.shippedAt) {
      throw new BadUserInput('The delivery date is not valid.', [
        { field: 'deliveredAt', reason: 'BEFORE_SHIPPING', message: 'It was delivered after it shipped.' },
      ]);
    }
    await deliver(tx, order, { at: deliveredAt ?? now, actor: caller.id });
    return order;
  });
}

/** Who moved an order on: a staff member, or null for the platform acting on another service's event. */
interface Step {
  at: Date;
  actor: string | null;
}

/** The warehouse started on it (staff, or logistics packing its parcel). */
export function beginFulfilment(tx: EntityManager, order: Order, step: Step): void {
  moveOrder(tx, order, 'IN_FULFILMENT');
  order.processedAt = step.at;
  recordAudit(tx, step.actor, 'order.fulfilment-started', order.id, {});
}

/** On its way with this tracking number; an order still waiting for the warehouse passes IN_FULFILMENT on the way. */
export function ship(tx: EntityManager, order: Order, step: Step & { trackingNumber: string }): void {
  if (order.status === 'READY_TO_FULFIL') beginFulfilment(tx, order, step);
  moveOrder(tx, order, 'SHIPPED');
  order.shippedAt = step.at;
  order.trackingNumber = step.trackingNumber;
  recordAudit(tx, step.actor, 'order.shipped', order.id, { trackingNumber: step.trackingNumber });
}

/** Delivered at `at` (the courier's date): the return and claim windows open, and the order completes when they close. */
export async function deliver(tx: EntityManager, order: Order, step: Step): Promise<void> {
  order.deliveredAt = step.at;
  moveOrder(tx, order, 'DELIVERED');
  recordAudit(tx, step.actor, 'order.delivered', order.id, { deliveredAt: step.at.toISOString() });
  const policy = await policyVersion(tx, order.policyVersion);
  const windows = [claimWindow(policy, step.at, 'STANDARD').at];
  const preference = policy.returns.preference;
  if (preference.kind === 'WITHIN_WINDOW') windows.push(deadlineAfter(policy, step.at, preference.within).at);
  const closes = new Date(Math.max(...windows.map((d) => d.getTime())));
  await scheduleTimer(tx, { kind: completionTimer, key: order.id, dueAt: closes });
}
