/**
 * An order's statuses, the names orders puts in OrderStatusChanged. Orders
 * emits PENDING, CONFIRMED, REJECTED and CANCELLED today; EXPIRED (an order
 * left unpaid) and SHIPPED come with payments and fulfilment. Consumers
 * decide what a status means for them from these names, never from literals.
 */
export const orderStatuses = ['PENDING', 'CONFIRMED', 'REJECTED', 'CANCELLED', 'EXPIRED', 'SHIPPED'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** An order in one of these holds no stock any more: its units go back. */
export const stockReleasingOrderStatuses: readonly OrderStatus[] = ['CANCELLED', 'EXPIRED'];

/** The order left the warehouse with its units. */
export const shippedOrderStatus: OrderStatus = 'SHIPPED';
