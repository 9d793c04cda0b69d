import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { canAccessOwnedBy, NotFound, type Caller } from '@vitrine/platform';
import { Order } from '../store/order.entity.js';

/**
 * The order, locked for the caller's transaction, if `caller` may act on it
 * (its customer, or staff with orders:manage). Someone else's order is
 * reported exactly like a missing one: existence is not leaked.
 */
export async function lockOrderFor(em: EntityManager, caller: Caller, orderId: string): Promise<Order> {
  const order = await em.findOne(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['lines', 'dues'] });
  if (!order || !canAccessOwnedBy(caller, order.customerId, 'orders:manage')) throw new NotFound('Order', orderId);
  return order;
}

/** The order (with its lines and dues) in the unit of work, if `caller` may act on it; not locked. */
export async function findOrderFor(em: EntityManager, caller: Caller, orderId: string): Promise<Order> {
  const order = await em.findOne(Order, orderId, { populate: ['lines', 'dues'] });
  if (!order || !canAccessOwnedBy(caller, order.customerId, 'orders:manage')) throw new NotFound('Order', orderId);
  return order;
}
