import type { EntityManager } from '@mikro-orm/postgresql';
import { pageSize } from '@vitrine/platform';
import { Order } from '../store/order.entity.js';

/** One order with its lines, or null. */
export function findOrder(em: EntityManager, orderId: string): Promise<Order | null> {
  return em.findOne(Order, orderId, { populate: ['lines'] });
}

/** A customer's orders with their lines, newest first; `first` is bounded like every page. */
export function listCustomerOrders(em: EntityManager, customerId: string, first: number): Promise<Order[]> {
  return em.find(Order, { customerId }, { populate: ['lines'], orderBy: { createdAt: 'desc', id: 'desc' }, limit: pageSize(first) });
}
