import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { orderStatusChangedV1 } from '@vitrine/contracts';
import { BadUserInput, checkStaffReason, NotFound } from '@vitrine/platform';
import { transition } from '../domain/order-status.js';
import { Order } from '../store/order.entity.js';
import { orders } from '../identity.js';

/**
 * Staff cancel an order (PENDING or CONFIRMED; anything else is a
 * POLICY_VIOLATION ORDER_STATUS_TRANSITION). The status and
 * OrderStatusChanged commit together; catalog releases the order's units
 * when it sees the event. The customer's own cancellation rules come later.
 */
export async function cancelOrder(em: EntityManager, orderId: string, reason: string): Promise<Order> {
  const { reason: why, problems } = checkStaffReason(reason);
  if (problems.length > 0) throw new BadUserInput('Please say why the order is cancelled.', problems);
  return em.transactional(async (tx) => {
    const order = await tx.findOne(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['lines'] });
    if (!order) throw new NotFound('Order', orderId);
    const from = order.status;
    order.status = transition(from, 'CANCELLED');
    order.statusReason = why;
    orders.recordEvent(tx, { definition: orderStatusChangedV1, subject: order.id, data: { orderId: order.id, from, to: 'CANCELLED', reason: why } });
    return order;
  });
}
