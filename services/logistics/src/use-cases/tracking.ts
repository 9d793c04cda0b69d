import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { shipmentDeliveredV1, shipmentReturnedToSenderV1 } from '@vitrine/contracts';
import { BadUserInput, PolicyViolation, ServiceUnavailable, storeNow } from '@vitrine/platform';
import { decidingRule, returnToSenderRefund } from '@vitrine/policy';
import { assertShipmentMove } from '../domain/shipment-status.js';
import { logistics } from '../identity.js';
import { KnownOrder } from '../store/known-order.entity.js';
import { ShipmentOrder } from '../store/shipment-order.entity.js';
import type { Shipment } from '../store/shipment.entity.js';
import { TrackingEvent, type TrackingStatus } from '../store/tracking-event.entity.js';
import { orderPolicy } from './order-policy.js';
import { lockShipment } from './parcel-quote.js';
import { recordAudit } from './record-audit.js';

export interface TrackingReport {
  status: Exclude<TrackingStatus, 'DISPATCHED'>;
  /** When it happened; null: now (store clock). */
  at: Date | null;
  note: string | null;
}

/**
 * A step of the parcel's journey, as staff or a carrier (`applyCarrierStep`: the sandbox, a webhook) report it:
 * only for a dispatched parcel. DELIVERED sets the delivery date (orders
 * opens the return and claim windows from it); RETURNED_TO_SENDER cancels
 * its orders without reshipping, each refunded what it paid minus its share
 * of the round trip (its final shipping share out, the same back), as the
 * order's policy says.
 */
export async function recordTracking(em: EntityManager, actor: string | null, shipmentId: string, report: TrackingReport): Promise<Shipment> {
  const now = storeNow();
  const at = report.at ?? now;
  if (Number.isNaN(at.getTime()) || at > now)
    throw new BadUserInput('The tracking step is not valid.', [{ field: 'at', reason: 'INVALID', message: 'A tracking step is not in the future.' }]);
  if (report.note !== null && report.note.length > 200)
    throw new BadUserInput('The tracking step is not valid.', [{ field: 'note', reason: 'INVALID_LENGTH', message: 'A note is at most 200 characters.' }]);
  return em.transactional(async (tx) => {
    const shipment = await lockShipment(tx, shipmentId);
    if (shipment.status !== 'DISPATCHED') {
      throw new PolicyViolation('Tracking is recorded only for a parcel on its way (dispatched, not yet delivered or returned).', 'NOT_IN_TRANSIT', {
        status: shipment.status,
      });
    }
    if (shipment.dispatchedAt && at < shipment.dispatchedAt) {
      throw new BadUserInput('The tracking step is not valid.', [
        { field: 'at', reason: 'BEFORE_DISPATCH', message: 'A tracking step comes after the dispatch.' },
      ]);
    }
    tx.persist(tx.create(TrackingEvent, { id: randomUUID(), shipmentId, status: report.status, at, note: report.note, recordedBy: actor }));
    recordAudit(tx, actor, 'shipment.tracking-recorded', shipment.id, { status: report.status, at: at.toISOString() });
    if (report.status === 'DELIVERED') await deliver(tx, shipment, at);
    if (report.status === 'RETURNED_TO_SENDER') await returnToSender(tx, shipment, at);
    return shipment;
  });
}

async function deliver(em: EntityManager, shipment: Shipment, at: Date): Promise<void> {
  assertShipmentMove(shipment.status, 'DELIVERED');
  Object.assign(shipment, { status: 'DELIVERED', deliveredAt: at });
  const orderIds =
    shipment.kind === 'REPLACEMENT'
      ? [shipment.replacesOrderId!]
      : (await em.find(ShipmentOrder, { shipmentId: shipment.id }, { orderBy: { orderId: 'asc' } })).map((o) => o.orderId);
  logistics.recordEvent(em, {
    definition: shipmentDeliveredV1,
    subject: shipment.id,
    data: {
      shipmentId: shipment.id,
      customerId: shipment.customerId,
      orderIds,
      deliveredAt: at.toISOString(),
      kind: shipment.kind,
      claimId: shipment.claimId ?? null,
    },
  });
}

async function returnToSender(em: EntityManager, shipment: Shipment, at: Date): Promise<void> {
  assertShipmentMove(shipment.status, 'RETURNED_TO_SENDER');
  // A replacement came back: nobody paid for it, so nothing is refunded and no order is cancelled (staff follow up with the claim).
  if (shipment.kind === 'REPLACEMENT') {
    Object.assign(shipment, { status: 'RETURNED_TO_SENDER', returnedAt: at });
    return;
  }
  const rows = await em.find(ShipmentOrder, { shipmentId: shipment.id }, { orderBy: { orderId: 'asc' } });
  const known = new Map((await em.find(KnownOrder, { orderId: { $in: rows.map((r) => r.orderId) } })).map((o) => [o.orderId, o]));
  const money = (amount: number) => ({ amount, currency: shipment.currency });
  const orders = [];
  for (const row of rows) {
    // Each order is judged by its own policy version: a consolidated parcel may carry orders placed under different ones.
    const policy = await orderPolicy(em, known.get(row.orderId)?.policyVersion ?? shipment.policyVersion ?? null);
    if (!policy) throw new ServiceUnavailable("This order's store policy has not reached logistics yet. Please try again shortly.");
    const paid = money(known.get(row.orderId)?.paidAmount ?? 0);
    const roundTrip = money(2 * (row.finalShare ?? 0));
    const decision = returnToSenderRefund(policy, paid, roundTrip);
    orders.push({ orderId: row.orderId, paid, roundTripShipping: roundTrip, refund: decision.refund, rule: decidingRule(policy, decision.rule) });
  }
  Object.assign(shipment, { status: 'RETURNED_TO_SENDER', returnedAt: at });
  logistics.recordEvent(em, {
    definition: shipmentReturnedToSenderV1,
    subject: shipment.id,
    data: { shipmentId: shipment.id, customerId: shipment.customerId, orders, returnedAt: at.toISOString() },
  });
}
