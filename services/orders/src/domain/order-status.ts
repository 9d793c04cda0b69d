import type { OrderStatus as ContractOrderStatus } from '@vitrine/contracts';
import { PolicyViolation } from '@vitrine/platform/domain';

/** The statuses orders produces today: a subset of the contracts' vocabulary (EXPIRED and SHIPPED come with payments and fulfilment). */
export const orderStatuses = ['PENDING', 'CONFIRMED', 'REJECTED', 'CANCELLED'] as const satisfies readonly ContractOrderStatus[];
export type OrderStatus = (typeof orderStatuses)[number];

/**
 * What may follow what; anything else is refused. Staff may cancel an order
 * while it waits for stock or once confirmed (catalog then releases its
 * units). Later issues add payment, fulfilment and the customer's own
 * cancellation rules.
 */
const transitions: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING: ['CONFIRMED', 'REJECTED', 'CANCELLED'],
  CONFIRMED: ['CANCELLED'],
  REJECTED: [],
  CANCELLED: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return transitions[from].includes(to);
}

export function transition(from: OrderStatus, to: OrderStatus): OrderStatus {
  if (!canTransition(from, to)) {
    throw new PolicyViolation(`An order that is ${from.toLowerCase()} cannot become ${to.toLowerCase()}.`, 'ORDER_STATUS_TRANSITION', { from, to });
  }
  return to;
}
