import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { endedOrderStatuses } from '../domain/order-status.js';
import { Order } from '../store/order.entity.js';

/** A product's preorders that are still open, locked in a stable order (oldest first) for the caller's transaction. */
export async function openPreordersOf(em: EntityManager, productId: string): Promise<Order[]> {
  return em.find(
    Order,
    { kind: 'PREORDER', lines: { productId }, status: { $nin: [...endedOrderStatuses, 'SHIPPED', 'DELIVERED', 'REJECTED'] } },
    { populate: ['lines', 'dues'], orderBy: { placedAt: 'asc', id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
  );
}
