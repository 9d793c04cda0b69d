import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { orderStatusChangedV1 } from '@vitrine/contracts';
import { recordEvent } from '@vitrine/platform';
import { transition, type OrderStatus } from '../domain/order-status.js';
import { Order } from '../store/order.entity.js';
import { ordersSource } from './place-order.js';

/** Moves an order on when catalog answers its stock request. */
export async function applyStockOutcome(em: EntityManager, orderId: string, to: OrderStatus, reason?: string): Promise<void> {
  const order = await em.findOneOrFail(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const from = order.status;
  order.status = transition(from, to);
  order.statusReason = reason ?? null;
  recordEvent(em, { source: ordersSource, definition: orderStatusChangedV1, subject: order.id, data: { orderId: order.id, from, to, reason } });
  await em.flush();
}
