import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  EventData,
  EventDefinition,
  EventEnvelope,
  parcelPackedV1,
  shipmentDeliveredV1,
  shipmentDispatchedV1,
  shipmentReturnedToSenderV1,
} from '@vitrine/contracts';
import { canTransition, type OrderStatus } from '../domain/order-status.js';
import { Order } from '../store/order.entity.js';
import { endOrder } from './end-order.js';
import { beginFulfilment, deliver, ship } from './fulfilment.js';
import { recordAudit } from './record-audit.js';

// Logistics' shipment events move the orders a parcel carries, as staff would
// by hand (markShipped, markDelivered), so the rest of the platform (catalog's
// stock, payments' revenue, after-sales' windows, the customer's emails)
// follows the parcel. Staff may have moved an order already, or it may have
// ended meanwhile: a step an order cannot take is left out and audited, never
// failed (the event is a fact about the parcel; a retry would not change it).

type Envelope<T extends EventDefinition> = EventEnvelope<EventData<T>>;

/** The orders, locked in id order (the order every writer takes them in). */
async function lockOrders(em: EntityManager, orderIds: readonly string[]): Promise<Order[]> {
  const found: Order[] = [];
  for (const id of [...new Set(orderIds)].sort()) {
    const order = await em.findOne(Order, id, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['lines', 'dues'] });
    if (order) found.push(order);
  }
  return found;
}

/** Whether the order can take the step; one it is past already, or cannot take, is left out (audited). */
function canTake(em: EntityManager, order: Order, to: OrderStatus, step: string, shipmentId: string): boolean {
  // A parcel can leave before anyone marked the order as being worked on: ship() passes IN_FULFILMENT.
  const from = order.status === 'READY_TO_FULFIL' && to === 'SHIPPED' ? 'IN_FULFILMENT' : order.status;
  if (order.status !== to && canTransition(from, to)) return true;
  recordAudit(em, null, 'order.shipment-step-ignored', order.id, { shipmentId, step, status: order.status });
  return false;
}

/** Packed: the warehouse has started (some policies charge to cancel from here). */
export async function recordParcelPacked(em: EntityManager, event: Envelope<typeof parcelPackedV1>): Promise<void> {
  const at = new Date(event.data.packedAt);
  for (const order of await lockOrders(em, event.data.orderIds)) {
    if (canTake(em, order, 'IN_FULFILMENT', 'PACKED', event.data.shipmentId)) beginFulfilment(em, order, { at, actor: null });
  }
}

/**
 * A claim's replacement parcel (kind REPLACEMENT) names the order it is for,
 * which was delivered already: it ships and delivers nothing of the order
 * (moving it would take a DELIVERED order back to SHIPPED), so it is audited
 * and left alone. Events without `kind` are orders' parcels.
 */
function isReplacement(em: EntityManager, event: Envelope<typeof shipmentDispatchedV1> | Envelope<typeof shipmentDeliveredV1>, step: string): boolean {
  if (event.data.kind !== 'REPLACEMENT') return false;
  const { shipmentId, claimId } = event.data;
  for (const orderId of event.data.orderIds) recordAudit(em, null, 'order.replacement-parcel-ignored', orderId, { shipmentId, claimId: claimId ?? null, step });
  return true;
}

/** Dispatched with a carrier: shipped, with the tracking number. */
export async function recordDispatched(em: EntityManager, event: Envelope<typeof shipmentDispatchedV1>): Promise<void> {
  if (isReplacement(em, event, 'DISPATCHED')) return;
  const { shipmentId, trackingNumber, dispatchedAt } = event.data;
  for (const order of await lockOrders(em, event.data.orderIds)) {
    if (canTake(em, order, 'SHIPPED', 'DISPATCHED', shipmentId)) ship(em, order, { trackingNumber, at: new Date(dispatchedAt), actor: null });
  }
}

/** Delivered on the carrier's date: the return and claim windows count from it. */
export async function recordDelivered(em: EntityManager, event: Envelope<typeof shipmentDeliveredV1>): Promise<void> {
  if (isReplacement(em, event, 'DELIVERED')) return;
  const { shipmentId, deliveredAt } = event.data;
  for (const order of await lockOrders(em, event.data.orderIds)) {
    if (canTake(em, order, 'DELIVERED', 'DELIVERED', shipmentId)) await deliver(em, order, { at: new Date(deliveredAt), actor: null });
  }
}

/**
 * The parcel came back undelivered: each order is cancelled, refunded what
 * logistics worked out under the order's policy (what it paid minus its share
 * of the round trip), and the store keeps the rest.
 */
export async function recordReturnedToSender(em: EntityManager, event: Envelope<typeof shipmentReturnedToSenderV1>): Promise<void> {
  const { shipmentId } = event.data;
  const decided = new Map(event.data.orders.map((o) => [o.orderId, o]));
  for (const order of await lockOrders(em, [...decided.keys()])) {
    if (!canTake(em, order, 'CANCELLED', 'RETURNED_TO_SENDER', shipmentId)) continue;
    const { paid, refund, rule } = decided.get(order.id)!;
    recordAudit(em, null, 'order.returned-to-sender', order.id, { shipmentId, refund: refund.amount, rule: rule.id });
    await endOrder(em, order, {
      kind: 'CANCELLED',
      by: 'SYSTEM',
      reason: 'RETURNED_TO_SENDER',
      kept: Math.max(0, paid.amount - refund.amount),
      refund: refund.amount,
      rule,
      feesWaived: false,
      countsTowardAbuse: false,
    });
  }
}
