import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { orderConfirmedV1 } from '@vitrine/contracts';
import { payAtOrderDueAt } from '@vitrine/policy';
import { orders } from '../identity.js';
import { Order } from '../store/order.entity.js';
import { moveOrder, openDue } from './order-life.js';
import { policyVersion } from './store-policies.js';

/**
 * Moves an order on when catalog answers its stock request. Held: what
 * checkout decided is due at order is announced (PaymentDue, with the
 * policy's deadline), or a preorder with nothing due now is SECURED; the
 * order is confirmed (OrderConfirmed). Refused: REJECTED. An answer for an
 * order that is no longer PENDING (cancelled meanwhile) is ignored: catalog
 * sees the cancellation after its reservation, on the same order-keyed
 * topic, and releases the units.
 */
export async function applyStockOutcome(em: EntityManager, orderId: string, outcome: { held: true } | { held: false; reason: string }): Promise<void> {
  const order = await em.findOneOrFail(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['lines', 'dues'] });
  if (order.status !== 'PENDING') return;
  if (!outcome.held) return moveOrder(em, order, 'REJECTED', outcome.reason);
  const policy = await policyVersion(em, order.policyVersion);
  const atOrder = order.payAtOrder;
  let nextPayment = null;
  if (atOrder) {
    const deadline = payAtOrderDueAt(policy, order.placedAt);
    await openDue(em, order, { ...atOrder, dueAt: deadline.at, collect: 'CUSTOMER', ruleText: deadline.rule.text });
    nextPayment = {
      purpose: atOrder.purpose,
      amount: { amount: atOrder.goods + atOrder.shipping, currency: order.currency },
      dueAt: deadline.at.toISOString(),
    };
    moveOrder(em, order, 'AWAITING_PAYMENT');
  } else {
    moveOrder(em, order, 'SECURED');
  }
  const money = (amount: number) => ({ amount, currency: order.currency });
  orders.recordEvent(em, {
    definition: orderConfirmedV1,
    subject: order.id,
    data: {
      orderId: order.id,
      customerId: order.customerId,
      kind: order.kind,
      paymentPlan: order.paymentPlan,
      policyVersion: order.policyVersion,
      lines: order.lines.getItems().map((l) => ({ productId: l.productId, quantity: l.quantity, unitPrice: money(l.unitPriceAmount) })),
      goodsTotal: money(order.totalAmount),
      shippingEstimate: money(order.shippingEstimateAmount),
      nextPayment,
    },
  });
}
