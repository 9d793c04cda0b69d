/**
 * An order's statuses, the names orders puts in OrderStatusChanged.
 * Consumers decide what a status means for them from these names and the
 * sets below, never from literals of their own.
 * - PENDING: placed, waiting for catalog to hold its units;
 * - REJECTED: the units could not be held;
 * - AWAITING_PAYMENT: held, the first payment (deposit, full, down payment) is due now;
 * - SECURED: a preorder held with nothing due until release/arrival/shipping;
 * - PAYMENT_DUE: a balance, arrival or charge-at-ship payment is due;
 * - READY_TO_FULFIL: paid (or charged) and ready for the warehouse;
 * - IN_FULFILMENT: with the warehouse or logistics partner;
 * - SHIPPED, DELIVERED, COMPLETED: on its way, received, nothing left open;
 * - CANCELLED (by the customer, staff or the system), EXPIRED (left unpaid).
 * CONFIRMED was published before payment plans existed ("units held"); it
 * stays in the vocabulary for consumers of old events.
 */
export const orderStatuses = [
  'PENDING',
  'REJECTED',
  'CONFIRMED',
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
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** An order in one of these holds no stock any more: its units go back. */
export const stockReleasingOrderStatuses: readonly OrderStatus[] = ['CANCELLED', 'EXPIRED'];

/** The order left the warehouse with its units. */
export const shippedOrderStatus: OrderStatus = 'SHIPPED';

/** The order has left the warehouse (and may since have arrived): what it paid is earned. */
export const departedOrderStatuses: readonly OrderStatus[] = ['SHIPPED', 'DELIVERED', 'COMPLETED'];

/** After these an order no longer ties its customer to the account or its region: it ended, or it left the warehouse. */
export const closedOrderStatuses: readonly OrderStatus[] = ['REJECTED', 'CANCELLED', 'EXPIRED', 'SHIPPED', 'DELIVERED', 'COMPLETED'];

/** Nothing more is collected on an order in one of these. */
export const unpayableOrderStatuses: readonly OrderStatus[] = ['REJECTED', 'CANCELLED', 'EXPIRED'];
