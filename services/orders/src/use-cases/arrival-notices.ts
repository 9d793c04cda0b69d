import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, EventEnvelope, productArrivedV1 } from '@vitrine/contracts';
import { arrivalPaymentDueAt, deadlineRegion } from '@vitrine/policy';
import { servedByArrival } from '../domain/arrival-allocation.js';
import { remainingToPay } from '../domain/order-snapshot.js';
import type { Order } from '../store/order.entity.js';
import { moveOrder, openDue } from './order-life.js';
import { openPreordersOf } from './preorders-of-product.js';
import { policyVersion } from './store-policies.js';

/**
 * ProductArrived: the preorders the arrived units serve (oldest first, whole
 * orders) are at the warehouse from now (the cut-off of 004's free
 * cancellation). A pay-on-arrival order gets its arrival notice: what is left
 * plus the shipping estimate, due within the policy's business days (004: 5)
 * in the calendar of the warehouse's country where the policy has one.
 */
export async function noticeArrivals(em: EntityManager, event: EventEnvelope<EventData<typeof productArrivedV1>>): Promise<void> {
  const { productId, quantity } = event.data;
  const arrivedAt = new Date(event.data.arrivedAt);
  const waiting = (await openPreordersOf(em, productId)).filter((o) => !o.arrivedAtWarehouseAt && o.status !== 'PENDING');
  const quantityOf = (orderId: string) =>
    waiting
      .find((o) => o.id === orderId)!
      .lines.getItems()
      .filter((l) => l.productId === productId)
      .reduce((sum, l) => sum + l.quantity, 0);
  const served = new Set(
    servedByArrival(
      waiting.map((o) => ({ orderId: o.id, placedAt: o.placedAt, quantity: quantityOf(o.id) })),
      quantity,
    ),
  );
  for (const order of waiting.filter((o) => served.has(o.id))) {
    order.arrivedAtWarehouseAt = arrivedAt;
    order.warehouseCountry = event.data.warehouseCountry ?? null;
    await openArrivalNotice(em, order, arrivedAt);
  }
}

/**
 * For a SECURED pay-on-arrival order at the warehouse: the arrival notice, or
 * ready to fulfil when nothing is left to pay. `noticeAt` (store clock)
 * starts the payment period: the arrival itself, or now for a down payment
 * made after it.
 */
export async function openArrivalNotice(em: EntityManager, order: Order, noticeAt: Date): Promise<void> {
  if (!order.arrivedAtWarehouseAt || order.paymentPlan !== 'PAY_ON_ARRIVAL' || order.status !== 'SECURED') return;
  const left = remainingToPay(order, order.dues.getItems());
  if (left.goods + left.shipping === 0) return moveOrder(em, order, 'READY_TO_FULFIL');
  if (order.dues.getItems().some((d) => d.purpose === 'ARRIVAL_PAYMENT' && d.status !== 'VOID')) return;
  const policy = await policyVersion(em, order.policyVersion);
  const deadline = arrivalPaymentDueAt(policy, noticeAt, deadlineRegion(policy, order.warehouseCountry));
  await openDue(em, order, {
    purpose: 'ARRIVAL_PAYMENT',
    goods: left.goods,
    shipping: left.shipping,
    dueAt: deadline.at,
    collect: 'CUSTOMER',
    ruleText: deadline.rule.text,
  });
  moveOrder(em, order, 'PAYMENT_DUE');
}
