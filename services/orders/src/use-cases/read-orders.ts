import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, pageSize } from '@vitrine/platform';
import { Order } from '../store/order.entity.js';

/** One order with its lines and dues, or null. */
export function findOrder(em: EntityManager, orderId: string): Promise<Order | null> {
  return em.findOne(Order, orderId, { populate: ['lines', 'dues'] });
}

/** A customer's orders with their lines and dues, newest first; `first` is bounded like every page. */
export function listCustomerOrders(em: EntityManager, customerId: string, first: number): Promise<Order[]> {
  return em.find(Order, { customerId }, { populate: ['lines', 'dues'], orderBy: { placedAt: 'desc', id: 'desc' }, limit: pageSize(first) });
}

/** Orders by id (lines and dues with them) in one query, in the order asked; null for ids that are not orders. */
export async function findOrdersByIds(em: EntityManager, ids: readonly string[]): Promise<(Order | null)[]> {
  const valid = ids.filter(isUuid);
  const orders = valid.length ? await em.find(Order, { id: { $in: valid } }, { populate: ['lines', 'dues'] }) : [];
  const byId = new Map(orders.map((o) => [o.id, o]));
  return ids.map((id) => byId.get(id) ?? null);
}
