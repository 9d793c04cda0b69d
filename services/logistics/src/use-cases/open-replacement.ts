import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { claimReplacementRequestedV1, EventData, EventEnvelope } from '@vitrine/contracts';
import { storeNow } from '@vitrine/platform';
import { replacementOpening } from '../domain/replacement-shipment.js';
import { KnownOrder } from '../store/known-order.entity.js';
import { ShipmentOrder } from '../store/shipment-order.entity.js';
import { Shipment } from '../store/shipment.entity.js';
import { recordAudit } from './record-audit.js';

/**
 * After-sales' ReplacementRequested: a replacement shipment for the claim's
 * order, to the address, from the warehouse and by the method of the parcel
 * that carried the order (as logistics knows it; null when no parcel of the
 * order is known: staff see it has no destination). It has no
 * `shipment_order` row: nothing was paid for its postage, so it is never
 * quoted, invoiced, refunded or combined, and no handover deadline runs. A
 * part waits for the studio (AWAITING_PART, `readyFrom`); an exchange can be
 * packed at once. Once per claim. Audited; no event until its dispatch.
 */
export async function openReplacement(em: EntityManager, event: EventEnvelope<EventData<typeof claimReplacementRequestedV1>>): Promise<void> {
  const { claimId, orderId, customerId, productId, resolution, parts, leadTime, atWarehouse } = event.data;
  if (await em.findOne(Shipment, { claimId })) return;
  const link = await em.findOne(ShipmentOrder, { orderId });
  const original = link ? await em.findOne(Shipment, { id: link.shipmentId }) : null;
  const currency = original?.currency ?? (await em.findOne(KnownOrder, { orderId }))?.currency;
  // A claim comes after delivery, so logistics knows the order; if not yet, the inbox retries the request.
  if (!currency) throw new Error(`logistics: replacement for claim ${claimId}: order ${orderId} is not known here yet`);
  const opening = replacementOpening(resolution, atWarehouse);
  const shipment = em.create(Shipment, {
    id: randomUUID(),
    customerId,
    kind: 'REPLACEMENT',
    claimId,
    replacesOrderId: orderId,
    replacement: { productId, resolution, parts, leadTime, unitTaken: null },
    readyFrom: opening.readyFrom,
    status: opening.status,
    warehouseId: original?.warehouseId ?? null,
    address: original?.address ?? null,
    method: original?.method ?? null,
    currency,
    policyVersion: original?.policyVersion ?? null,
    handoverBy: null,
    lateSince: null,
    openedAt: storeNow(),
    consolidatedInto: null,
  });
  em.persist(shipment);
  recordAudit(em, null, 'shipment.replacement-opened', shipment.id, { claimId, orderId, resolution, readyFrom: opening.readyFrom, from: original?.id ?? null });
  await em.flush();
}
