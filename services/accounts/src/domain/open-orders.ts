import { closedOrderStatuses } from '@vitrine/contracts';

/**
 * Accounts' view of a customer's orders (from orders' events): enough to know
 * whether any is still open, i.e. not yet shipped. The rules it serves
 * (seed 003): no account deletion with unshipped orders; one region per
 * account, where orders ship, so no region change while an order is open.
 */

/**
 * Statuses after which an order no longer ties the customer to their account
 * or region: contracts' closed statuses (ended, or left the warehouse). An
 * unknown status counts as open: the safe side.
 */
export const closingOrderStatuses: readonly string[] = closedOrderStatuses;

/** What OrderPlaced means for this view (orders places every order PENDING). */
export const placedOrderStatus = 'PENDING';

export function isOpenOrder(status: string): boolean {
  return !closingOrderStatuses.includes(status);
}

/**
 * The status to keep when an order's status changes. A closed order stays
 * closed even if an older change arrives after it (events delivered out of order).
 */
export function nextOrderStatus(current: string | null, to: string): string {
  if (current !== null && !isOpenOrder(current)) return current;
  return to;
}

/** "1 order" / "3 orders", for messages. */
export function ordersPhrase(count: number): string {
  return `${count} order${count === 1 ? '' : 's'}`;
}
