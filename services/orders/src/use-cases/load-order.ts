import { LoadStrategy, LockMode } from '@mikro-orm/core';
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

export async function findOrderFor(em: EntityManager, caller: Caller, orderId: string, options: { readOnly?: boolean } = {}): Promise<Order> {
  // readOnly: only to render it (the order query). Kept out of the unit of work, nothing is snapshotted for change
  // detection; a change to it would not be saved. Its lines and dues come joined to it in one statement (three with
  // MikroORM's default of a query per collection): a few rows each, so the product of the two stays small.
  const readOnly = options.readOnly ?? false;
  const order = await em.findOne(Order, orderId, {
    populate: ['lines', 'dues'],
    disableIdentityMap: readOnly,
    ...(readOnly && { strategy: LoadStrategy.JOINED }),
  });
  if (!order || !canAccessOwnedBy(caller, order.customerId, 'orders:manage')) throw new NotFound('Order', orderId);
  return order;
}
