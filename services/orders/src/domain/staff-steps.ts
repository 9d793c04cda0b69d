import type { OrderKind, OrderPaymentPlan } from '@vitrine/contracts';
import { PolicyViolation } from '@vitrine/platform/domain';
import { transitionRefusal, type OrderStatus } from './order-status.js';

/**
 * The steps staff (orders:manage) take on an order by hand, one per mutation:
 * `confirmShippingDate`, `startFulfilment`, `markOrderShipped`,
 * `markOrderDelivered` and `cancelOrder` with a reason.
 */
export const orderSteps = ['CONFIRM_SHIPPING_DATE', 'START_FULFILMENT', 'MARK_SHIPPED', 'MARK_DELIVERED', 'CANCEL'] as const;
export type OrderStep = (typeof orderSteps)[number];

/** What the steps depend on, read off the order (the entity and the GraphQL type both have these fields). */
export interface OrderStepFacts {
  status: OrderStatus;
  kind: OrderKind;
  paymentPlan: OrderPaymentPlan;
  releasedAt: Date | null | undefined;
  arrivedAtWarehouseAt: Date | null | undefined;
  shippingDateConfirmedAt: Date | null | undefined;
  shippedAt: Date | null | undefined;
  /** Set once the order was cancelled or expired. */
  outcome: object | null | undefined;
}

/** A shipping date is fixed for an order that is secured (a preorder waiting) or paid, before the warehouse starts. */
const shippingDateStatuses: readonly OrderStatus[] = ['SECURED', 'READY_TO_FULFIL'];

/**
 * The statuses the step moves the order through, in order, from where it is.
 * A parcel can leave before anyone marked the order as being worked on, so
 * shipping a ready order passes IN_FULFILMENT; fixing the date of a secured
 * charge-at-ship order makes its charge due; fixing any other date moves nothing.
 */
export function stepMoves(step: OrderStep, order: Pick<OrderStepFacts, 'status' | 'paymentPlan'>): OrderStatus[] {
  switch (step) {
    case 'CONFIRM_SHIPPING_DATE':
      return order.paymentPlan === 'CHARGE_AT_SHIP' && order.status === 'SECURED' ? ['PAYMENT_DUE'] : [];
    case 'START_FULFILMENT':
      return ['IN_FULFILMENT'];
    case 'MARK_SHIPPED':
      return order.status === 'READY_TO_FULFIL' ? ['IN_FULFILMENT', 'SHIPPED'] : ['SHIPPED'];
    case 'MARK_DELIVERED':
      return ['DELIVERED'];
    case 'CANCEL':
      return ['CANCELLED'];
  }
}

/**
 * Why staff cannot take `step` on this order now, or null when they can: the
 * refusal its mutation gives. Rules the step has besides the status table
 * come first (an ended or shipped order is not cancelled, a preorder's date is
 * fixed once released), then every move of `stepMoves` must be in the table.
 */
export function stepRefusal(step: OrderStep, order: OrderStepFacts): PolicyViolation | null {
  const before = stepRule(step, order);
  if (before) return before;
  let from = order.status;
  for (const to of stepMoves(step, order)) {
    const refused = transitionRefusal(from, to);
    if (refused) return refused;
    from = to;
  }
  return null;
}

/** Throws the step's refusal (POLICY_VIOLATION with its rule) unless staff may take it now. */
export function requireStep(step: OrderStep, order: OrderStepFacts): void {
  const refusal = stepRefusal(step, order);
  if (refusal) throw refusal;
}

/** Every step staff may take on the order now, in `orderSteps` order: exactly those `requireStep` lets through. */
export function staffSteps(order: OrderStepFacts): OrderStep[] {
  return orderSteps.filter((step) => stepRefusal(step, order) === null);
}

/** An order that was cancelled or expired: nothing more is done to it. */
export function orderEndedRefusal(status: OrderStatus): PolicyViolation {
  return new PolicyViolation(`This order is already ${words(status)}.`, 'ORDER_ENDED', { status });
}

function stepRule(step: OrderStep, order: OrderStepFacts): PolicyViolation | null {
  if (step === 'CANCEL') {
    if (order.outcome) return orderEndedRefusal(order.status);
    if (order.shippedAt) return new PolicyViolation('This order has shipped: it cannot be cancelled (a return applies).', 'ORDER_SHIPPED');
  }
  if (step === 'CONFIRM_SHIPPING_DATE') {
    if (order.shippingDateConfirmedAt) return new PolicyViolation('The shipping date of this order is already fixed.', 'SHIPPING_DATE_CONFIRMED');
    if (order.kind === 'PREORDER' && !order.releasedAt && !order.arrivedAtWarehouseAt) {
      return new PolicyViolation('This preorder has not been released yet: its shipping date cannot be fixed.', 'NOT_RELEASED');
    }
    if (!shippingDateStatuses.includes(order.status)) {
      return new PolicyViolation(`A shipping date is fixed for an order that is secured or paid, not ${words(order.status)}.`, 'ORDER_STATUS_TRANSITION', {
        from: order.status,
      });
    }
  }
  return null;
}

const words = (status: OrderStatus) => status.toLowerCase().replaceAll('_', ' ');
