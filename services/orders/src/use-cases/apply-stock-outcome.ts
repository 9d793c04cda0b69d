import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { orderStatusChangedV1 } from '@vitrine/contracts';
import { transition, type OrderStatus } from '../domain/order-status.js';
import { Order } from '../store/order.entity.js';
import { orders } from '../identity.js';

/**
 * Moves an order on when catalog answers its stock request. An answer for an
 * order that is no longer PENDING (staff cancelled it meanwhile) is ignored
 * rather than thrown (it would dead-letter): catalog sees the cancellation
 * after its reservation, on the same order-keyed topic, and releases the units.
 * The consumer's inbox transaction flushes the change and the event together.
 */
export async function applyStockOutcome(em: EntityManager, orderId: string, to: OrderStatus, reason?: string): Promise<void> {
  const order = await em.findOneOrFail(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const from = order.status;
  if (from !== 'PENDING') return;
  order.status = transition(from, to);
  order.statusReason = reason ?? null;
  orders.recordEvent(em, { definition: orderStatusChangedV1, subject: order.id, data: { orderId: order.id, from, to, reason } });
}
