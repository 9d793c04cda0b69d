import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { orderConfirmedV1 } from '@vitrine/contracts';
import { NotFound, type SetUseCase } from '@vitrine/platform';
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
export type StockOutcome = { orderId: string; held: true } | { orderId: string; held: false; reason: string };

/**
 * Catalog answers in batches when orders falls behind (a drop day's
 * backlog): the orders of a whole batch are locked and loaded in one select
 * (in id order, so two batches never wait on each other crosswise), then each
 * answer moves its order as one answer alone would.
 */
export const applyStockOutcomes: SetUseCase<StockOutcome, Map<string, Order>> = {
  async load(outcomes, em) {
    const ids = [...new Set(outcomes.map((o) => o.orderId))];
    const found = await em.find(Order, { id: { $in: ids } }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['lines', 'dues'], orderBy: { id: 'asc' } });
    // An answer for an order orders never stored is a fault to retry and park, not to skip.
    const missing = ids.find((id) => !found.some((o) => o.id === id));
    if (missing) throw new NotFound('Order', missing);
    return new Map(found.map((o) => [o.id, o]));
  },
  apply: (outcome, loaded, em) => applyStockOutcome(em, loaded.get(outcome.orderId)!, outcome),
};

async function applyStockOutcome(em: EntityManager, order: Order, outcome: StockOutcome): Promise<void> {
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
