import type { EntityManager } from '@mikro-orm/postgresql';
import { closingOrderStatuses, nextOrderStatus, placedOrderStatus } from '../domain/open-orders.js';
import { KnownOrder } from '../store/known-order.entity.js';

/** OrderPlaced: the order is open and belongs to this customer. Events from before they named the customer are skipped. */
export async function rememberPlacedOrder(em: EntityManager, data: { orderId: string; customerId?: string }): Promise<void> {
  if (!data.customerId) return;
  const known = await em.findOne(KnownOrder, data.orderId);
  if (known) known.customerId = data.customerId;
  else em.persist(em.create(KnownOrder, { orderId: data.orderId, customerId: data.customerId, status: placedOrderStatus }));
}

/** OrderStatusChanged: keeps the last status (a closed order stays closed); remembers the order even if OrderPlaced is late. */
export async function followOrderStatus(em: EntityManager, data: { orderId: string; to: string }): Promise<void> {
  const known = await em.findOne(KnownOrder, data.orderId);
  if (known) known.status = nextOrderStatus(known.status, data.to);
  else em.persist(em.create(KnownOrder, { orderId: data.orderId, customerId: null, status: data.to }));
}

/**
 * Orders of this customer not yet in a closing status, as far as accounts
 * has heard: an order placed a moment ago may not be counted yet.
 */
export function countOpenOrders(em: EntityManager, customerId: string): Promise<number> {
  return em.count(KnownOrder, { customerId, status: { $nin: [...closingOrderStatuses] } });
}
