import type { OrderFacts } from '@vitrine/policy';
import { type DueFacts, type OrderSnapshot } from './order-snapshot.js';

/**
 * The order as @vitrine/policy's rules read it. Money paid is sorted by what
 * it was for: the non-refundable part of what was paid at order is the down
 * payment; the rest of a deposit is the deposit; later payments are the
 * balance; shipping parts are shipping.
 */
export function policyFacts(order: OrderSnapshot, dues: readonly DueFacts[]): OrderFacts {
  const paid = { deposit: 0, balance: 0, full: 0, downPayment: 0, shipping: 0 };
  let nonRefundableLeft = order.downPaymentAmount;
  for (const due of dues) {
    if (due.status !== 'PAID') continue;
    paid.shipping += due.shippingAmount;
    let goods = due.goodsAmount;
    if (due.purpose === 'DEPOSIT' || due.purpose === 'FULL_PAYMENT' || due.purpose === 'DOWN_PAYMENT') {
      const downPayment = Math.min(goods, nonRefundableLeft);
      paid.downPayment += downPayment;
      nonRefundableLeft -= downPayment;
      goods -= downPayment;
    }
    if (due.purpose === 'DEPOSIT') paid.deposit += goods;
    else if (due.purpose === 'FULL_PAYMENT') paid.full += goods;
    else paid.balance += goods;
  }
  return {
    kind: order.kind,
    plan: order.paymentPlan === 'IN_STOCK' ? null : order.paymentPlan,
    currency: order.currency,
    total: order.totalAmount,
    deposit: order.depositAmount,
    paid,
    placedAt: order.placedAt,
    depositPaidAt: order.firstPaidAt ?? null,
    processedAt: order.processedAt ?? null,
    shippingDateConfirmedAt: order.shippingDateConfirmedAt ?? null,
    arrivedAtWarehouseAt: order.arrivedAtWarehouseAt ?? null,
    shippedAt: order.shippedAt ?? null,
    deliveredAt: order.deliveredAt ?? null,
    openCancellationRight: order.cancellationRight ? { reason: order.cancellationRight.reason, closesAt: new Date(order.cancellationRight.closesAt) } : null,
  };
}
