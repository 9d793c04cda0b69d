import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { orderPlacedV1 } from '@vitrine/contracts';
import { BadUserInput, Conflict, customerCountry, isUuid } from '@vitrine/platform';
import { draftOrder, type RequestedLine } from '../domain/draft-order.js';
import { fingerprintOrderRequest, isValidIdempotencyKey } from '../domain/idempotency.js';
import { defaultOrderLimits } from '../domain/order-limits.js';
import { KnownProduct } from '../store/known-product.entity.js';
import { OrderLine } from '../store/order-line.entity.js';
import { Order } from '../store/order.entity.js';
import { ensureMayPlaceOrders } from './customer-standing.js';
import { orders } from '../identity.js';

export interface PlaceOrderCommand {
  customerId: string;
  lines: RequestedLine[];
  idempotencyKey: string;
}

/**
 * Places an order once per idempotency key: a retry gets the first order
 * back, a different request under the same key is a CONFLICT, and the order
 * and its OrderPlaced event commit together. A blocked customer (POLICY_VIOLATION,
 * CUSTOMER_BLOCKED) or a deleted account (UNAUTHENTICATED) is refused before
 * anything is written; a retry of an order placed before still gets it back.
 */
export async function placeOrder(em: EntityManager, command: PlaceOrderCommand): Promise<Order> {
  if (!isValidIdempotencyKey(command.idempotencyKey)) {
    throw new BadUserInput('The idempotency key must be 8-200 letters, digits or . _ : - characters (a UUID is ideal).', [
      { field: 'idempotencyKey', reason: 'INVALID_IDEMPOTENCY_KEY', message: 'Use a fresh UUID per order attempt.' },
    ]);
  }
  const fingerprint = fingerprintOrderRequest(command.customerId, command.lines);
  const earlier = await findByKey(em, command.customerId, command.idempotencyKey);
  if (earlier) return replay(earlier, fingerprint);
  await ensureMayPlaceOrders(em, command.customerId);

  const ids = [...new Set(command.lines.map((l) => l.productId.toLowerCase()).filter(isUuid))];
  const known = ids.length ? await em.find(KnownProduct, { id: { $in: ids } }) : [];
  const country = await customerCountry(em, command.customerId);
  const draft = draftOrder(command.lines, new Map(known.map((p) => [p.id, p])), defaultOrderLimits, { country });
  if (!draft.ok) throw new BadUserInput('Your order could not be placed: please check the highlighted lines.', draft.problems);

  try {
    return await em.transactional(async (tx) => {
      const order = tx.create(Order, {
        id: randomUUID(),
        customerId: command.customerId,
        status: 'PENDING',
        totalAmount: draft.totalAmount,
        currency: draft.currency,
        idempotencyKey: command.idempotencyKey,
        requestFingerprint: fingerprint,
      });
      draft.lines.forEach((line, position) => order.lines.add(tx.create(OrderLine, { id: randomUUID(), order, position, ...line })));
      tx.persist(order);
      orders.recordEvent(tx, {
        definition: orderPlacedV1,
        subject: order.id,
        data: { orderId: order.id, customerId: command.customerId, lines: draft.lines.map(({ productId, quantity }) => ({ productId, quantity })) },
      });
      return order;
    });
  } catch (err) {
    // A concurrent request with the same key won the insert: answer as a retry would be answered.
    if (err instanceof UniqueConstraintViolationException) {
      const winner = await findByKey(em.fork(), command.customerId, command.idempotencyKey);
      if (winner) return replay(winner, fingerprint);
    }
    throw err;
  }
}

function findByKey(em: EntityManager, customerId: string, idempotencyKey: string): Promise<Order | null> {
  return em.findOne(Order, { customerId, idempotencyKey }, { populate: ['lines'] });
}

function replay(order: Order, fingerprint: string): Order {
  if (order.requestFingerprint !== fingerprint) {
    throw new Conflict('This idempotency key was already used for a different order. Use a new key for a new order.', {
      field: 'idempotencyKey',
    });
  }
  return order;
}
