import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, EventEnvelope, productReleasedV1 } from '@vitrine/contracts';
import { balanceDueAt, deadlineRegion } from '@vitrine/policy';
import { remainingToPay } from '../domain/order-snapshot.js';
import type { Order } from '../store/order.entity.js';
import { moveOrder, openDue } from './order-life.js';
import { openPreordersOf } from './preorders-of-product.js';
import { policyVersion } from './store-policies.js';

/**
 * ProductReleased: every open preorder of the product learns its release.
 * A deposit order gets its one balance notice (what is left of the price
 * plus the shipping estimate, due after the policy's period); an order paid
 * in full is ready to fulfil. Pay-on-arrival and charge-at-ship orders wait
 * for the arrival and the shipping date.
 */
export async function releaseBalances(em: EntityManager, event: EventEnvelope<EventData<typeof productReleasedV1>>): Promise<void> {
  const releasedAt = new Date(event.data.releasedAt);
  for (const order of await openPreordersOf(em, event.data.productId)) {
    if (order.releasedAt) continue; // a redelivered release: one notice per order
    order.releasedAt = releasedAt;
    if (order.status === 'SECURED') await openBalanceIfReleased(em, order, releasedAt);
  }
}

/**
 * For a SECURED preorder of a released product: the balance notice, or ready
 * to fulfil when nothing is left to pay. `noticeAt` (store clock) starts the
 * balance period: the release itself, or now for a deposit paid after it,
 * in the calendar of the warehouse holding the units if they have arrived.
 */
export async function openBalanceIfReleased(em: EntityManager, order: Order, noticeAt: Date): Promise<void> {
  if (!order.releasedAt || order.status !== 'SECURED') return;
  if (order.paymentPlan !== 'DEPOSIT' && order.paymentPlan !== 'FULL_PAYMENT') return;
  const left = remainingToPay(order, order.dues.getItems());
  if (left.goods + left.shipping === 0) return moveOrder(em, order, 'READY_TO_FULFIL');
  if (order.dues.getItems().some((d) => d.purpose === 'BALANCE' && d.status !== 'VOID')) return;
  const policy = await policyVersion(em, order.policyVersion);
  const deadline = balanceDueAt(policy, noticeAt, deadlineRegion(policy, order.warehouseCountry));
  await openDue(em, order, {
    purpose: 'BALANCE',
    goods: left.goods,
    shipping: left.shipping,
    dueAt: deadline.at,
    collect: 'CUSTOMER',
    ruleText: deadline.rule.text,
  });
  moveOrder(em, order, 'PAYMENT_DUE');
}
