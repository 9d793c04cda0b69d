import type { OrderStatus as ContractOrderStatus } from '@vitrine/contracts';
import { PolicyViolation } from '@vitrine/platform/domain';

/** The statuses orders produces: contracts' vocabulary without the legacy CONFIRMED. */
export const orderStatuses = [
  'PENDING',
  'REJECTED',
  'AWAITING_PAYMENT',
  'SECURED',
  'PAYMENT_DUE',
  'READY_TO_FULFIL',
  'IN_FULFILMENT',
  'SHIPPED',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
  'EXPIRED',
] as const satisfies readonly ContractOrderStatus[];
export type OrderStatus = (typeof orderStatuses)[number];

/** What each status means, for the API and staff. */
export const orderStatusMeanings: Record<OrderStatus, string> = {
  PENDING: 'Placed; waiting for its items to be held.',
  REJECTED: 'Its items could not be held (see statusReason).',
  AWAITING_PAYMENT: 'Items held; what is due at order (deposit, full payment or down payment) is waiting to be paid.',
  SECURED: 'A preorder held for you; nothing is due until release, arrival or shipping.',
  PAYMENT_DUE: 'A balance, arrival or shipping-day payment is due (see nextPayment).',
  READY_TO_FULFIL: 'Paid; waiting for the warehouse.',
  IN_FULFILMENT: 'Being packed and handed to the carrier.',
  SHIPPED: 'On its way.',
  DELIVERED: 'Received; return and claim windows are open.',
  COMPLETED: 'Nothing left open.',
  CANCELLED: 'Cancelled (see cancellation for who, why, the fee and the refund).',
  EXPIRED: 'Left unpaid past its deadline (see cancellation for what was kept and refunded).',
};

/**
 * What may follow what; anything else is refused. A payment moves an order
 * on (AWAITING_PAYMENT or PAYMENT_DUE to SECURED or READY_TO_FULFIL); a
 * release, an arrival or a confirmed shipping date makes a payment due; a
 * parcel sent back to the store ends a shipped order as CANCELLED.
 */
const transitions: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING: ['REJECTED', 'AWAITING_PAYMENT', 'SECURED', 'CANCELLED'],
  AWAITING_PAYMENT: ['SECURED', 'READY_TO_FULFIL', 'CANCELLED', 'EXPIRED'],
  SECURED: ['PAYMENT_DUE', 'READY_TO_FULFIL', 'CANCELLED'],
  PAYMENT_DUE: ['READY_TO_FULFIL', 'CANCELLED', 'EXPIRED'],
  READY_TO_FULFIL: ['IN_FULFILMENT', 'CANCELLED'],
  IN_FULFILMENT: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED', 'CANCELLED'],
  DELIVERED: ['COMPLETED'],
  COMPLETED: [],
  REJECTED: [],
  CANCELLED: [],
  EXPIRED: [],
};

/** The order is over: nothing more is collected, held or shipped. */
export const endedOrderStatuses: readonly OrderStatus[] = ['REJECTED', 'CANCELLED', 'EXPIRED', 'COMPLETED'];

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return transitions[from].includes(to);
}

/** The refusal `transition` throws for a move the table does not list, or null when it is allowed. */
export function transitionRefusal(from: OrderStatus, to: OrderStatus): PolicyViolation | null {
  if (canTransition(from, to)) return null;
  return new PolicyViolation(`An order that is ${words(from)} cannot become ${words(to)}.`, 'ORDER_STATUS_TRANSITION', { from, to });
}

export function transition(from: OrderStatus, to: OrderStatus): OrderStatus {
  const refusal = transitionRefusal(from, to);
  if (refusal) throw refusal;
  return to;
}

const words = (status: OrderStatus) => status.toLowerCase().replaceAll('_', ' ');
