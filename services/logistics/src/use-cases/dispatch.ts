import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { paymentSucceededV1, shipmentDispatchedV1, type EventData, type EventEnvelope } from '@vitrine/contracts';
import { BadUserInput, PolicyViolation, storeNow, type FieldProblem } from '@vitrine/platform';
import { isUuid } from '@vitrine/platform/domain';
import { sandboxCarrier } from '../domain/sandbox-carrier.js';
import { assertShipmentMove } from '../domain/shipment-status.js';
import { logistics } from '../identity.js';
import { ShipmentOrder } from '../store/shipment-order.entity.js';
import { Shipment } from '../store/shipment.entity.js';
import { TrackingEvent } from '../store/tracking-event.entity.js';
import { lockShipment } from './parcel-quote.js';
import { recordAudit } from './record-audit.js';
import { startSandboxJourney } from './sandbox-carrier.js';

const carrierCode = /^[A-Z][A-Z0-9_]{1,39}$/;

function checkDispatch(carrier: string, trackingNumber: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!carrierCode.test(carrier))
    problems.push({ field: 'carrier', reason: 'INVALID_CODE', message: 'A carrier is 2-40 capitals, digits or underscores, e.g. COLISSIMO.' });
  if (trackingNumber.length < 4 || trackingNumber.length > 80 || /\s/.test(trackingNumber)) {
    problems.push({ field: 'trackingNumber', reason: 'INVALID', message: 'A tracking number is 4 to 80 characters without spaces.' });
  }
  return problems;
}

export interface DispatchOptions {
  /** The sandbox carrier moves parcels by itself: never in production. */
  production: boolean;
}

/**
 * The parcel leaves with a carrier and its tracking number: only a quoted
 * shipment whose extra invoices (if any) are paid, and only once; a tracking
 * number names one parcel per carrier (its webhooks find the parcel by it).
 * ShipmentDispatched tells orders, catalog and the customer (a claim's
 * replacement: kind REPLACEMENT, for after-sales to close the claim). With the
 * sandbox carrier, the parcel's journey starts on the store clock.
 */
export async function dispatchShipment(
  em: EntityManager,
  actor: string,
  shipmentId: string,
  carrier: string,
  trackingNumber: string,
  options: DispatchOptions,
): Promise<Shipment> {
  const tracking = trackingNumber.trim();
  const problems = checkDispatch(carrier, tracking);
  if (problems.length > 0) throw new BadUserInput('The dispatch is not valid.', problems);
  if (carrier === sandboxCarrier && options.production) throw new PolicyViolation('The sandbox carrier is not available in production.', 'SANDBOX_ONLY');
  return em.transactional(async (tx) => {
    const shipment = await lockShipment(tx, shipmentId);
    assertShipmentMove(shipment.status, 'DISPATCHED');
    if ((await tx.count(Shipment, { carrier, trackingNumber: tracking })) > 0) {
      throw new BadUserInput('The dispatch is not valid.', [
        { field: 'trackingNumber', reason: 'IN_USE', message: `Another parcel with ${carrier} has this tracking number.` },
      ]);
    }
    const now = storeNow();
    Object.assign(shipment, { status: 'DISPATCHED', carrier, trackingNumber: tracking, dispatchedAt: now });
    tx.persist(tx.create(TrackingEvent, { id: randomUUID(), shipmentId, status: 'DISPATCHED', at: now, note: null, recordedBy: actor }));
    recordAudit(tx, actor, 'shipment.dispatched', shipment.id, { carrier, trackingNumber: tracking });
    // A replacement carries no paid order: it names the order it replaces for, and its claim (orders ignores it; after-sales closes the claim).
    const orderIds =
      shipment.kind === 'REPLACEMENT'
        ? [shipment.replacesOrderId!]
        : (await tx.find(ShipmentOrder, { shipmentId }, { orderBy: { orderId: 'asc' } })).map((o) => o.orderId);
    logistics.recordEvent(tx, {
      definition: shipmentDispatchedV1,
      subject: shipment.id,
      data: {
        shipmentId: shipment.id,
        customerId: shipment.customerId,
        orderIds,
        carrier,
        trackingNumber: tracking,
        weightGrams: shipment.weightGrams!,
        dimensions: { lengthMm: shipment.lengthMm!, widthMm: shipment.widthMm!, heightMm: shipment.heightMm! },
        finalCost: { amount: shipment.finalCost!, currency: shipment.currency },
        dispatchedAt: now.toISOString(),
        kind: shipment.kind,
        claimId: shipment.claimId ?? null,
      },
    });
    if (carrier === sandboxCarrier) await startSandboxJourney(tx, shipment.id, tracking, now);
    return shipment;
  });
}

/**
 * PaymentSucceeded: an allocation naming one of our extra invoices (its due
 * id) pays it; once every invoice of the shipment is paid (or waived) it may
 * be dispatched. Each shipment is locked first, as the waiver locks it, and
 * its invoices read under that lock: one staff waived before this payment
 * was heard of stays waived (payments gives that money back), never both
 * paid and waived. A payment for anything else changes nothing here.
 */
export async function settleExtraInvoices(em: EntityManager, event: EventEnvelope<EventData<typeof paymentSucceededV1>>): Promise<void> {
  const dueIds = event.data.allocations.map((a) => a.dueId);
  const shipmentIds = await shipmentsInvoicing(em, dueIds);
  const paidAt = new Date(event.data.succeededAt);
  for (const shipmentId of shipmentIds) {
    const shipment = await lockShipment(em, shipmentId);
    const rows = await em.find(ShipmentOrder, { shipmentId, invoiceId: { $in: dueIds }, invoicePaidAt: null, invoiceWaivedAt: null });
    if (rows.length === 0) continue;
    for (const row of rows) row.invoicePaidAt = paidAt;
    await em.flush();
    const unpaid = await em.count(ShipmentOrder, { shipmentId, invoiceId: { $ne: null }, invoicePaidAt: null, invoiceWaivedAt: null });
    if (unpaid === 0 && shipment.status === 'AWAITING_PAYMENT') {
      assertShipmentMove(shipment.status, 'READY');
      shipment.status = 'READY';
    }
  }
  await em.flush();
}

/** The shipments whose invoices these dues are, in id order (the order locks are taken in); read without loading a row this consumer then locks. */
async function shipmentsInvoicing(em: EntityManager, dueIds: readonly string[]): Promise<string[]> {
  const ids = dueIds.filter(isUuid);
  if (ids.length === 0) return [];
  const rows = await em.execute<{ shipment_id: string }[]>(
    `select distinct shipment_id from "${em.config.get('schema') ?? 'logistics'}".shipment_order where invoice_id in (?) order by shipment_id`,
    [ids],
  );
  return rows.map((r) => r.shipment_id);
}
