import type { EntityManager } from '@mikro-orm/postgresql';
import { extraShippingWaivedV1 } from '@vitrine/contracts';
import { storeNow } from '@vitrine/platform';
import { decideExtraShippingWaiver } from '../domain/extra-shipping-waiver.js';
import { assertShipmentMove } from '../domain/shipment-status.js';
import { logistics } from '../identity.js';
import { ShipmentOrder } from '../store/shipment-order.entity.js';
import type { Shipment } from '../store/shipment.entity.js';
import { lockShipment } from './parcel-quote.js';
import { recordAudit } from './record-audit.js';

/**
 * Staff waive the extra postage of a parcel waiting for it (the store absorbs
 * the overrun): under the shipment's lock, the one every change of its
 * invoices takes (a payment logistics has heard of first has made it READY,
 * and the waiver is refused). Every unpaid invoice is waived, the shipment
 * becomes READY, the waiver is kept on it and audited, and
 * ExtraShippingWaived tells payments to stop collecting (one transaction).
 */
export async function waiveExtraShipping(em: EntityManager, actor: string, shipmentId: string, reason: string): Promise<Shipment> {
  return em.transactional(async (tx) => {
    const shipment = await lockShipment(tx, shipmentId);
    const orders = await tx.find(ShipmentOrder, { shipmentId }, { orderBy: { orderId: 'asc' } });
    const waiver = decideExtraShippingWaiver(shipment.status, orders, reason);
    assertShipmentMove(shipment.status, 'READY');
    const now = storeNow();
    const waived = new Set(waiver.invoices.map((i) => i.invoiceId));
    for (const row of orders) if (row.invoiceId && waived.has(row.invoiceId)) row.invoiceWaivedAt = now;
    Object.assign(shipment, {
      status: 'READY',
      extraWaivedAt: now,
      extraWaivedBy: actor,
      extraWaiverReason: waiver.reason,
      extraWaivedAmount: waiver.amount,
    });
    const money = (amount: number) => ({ amount, currency: shipment.currency });
    recordAudit(tx, actor, 'shipment.extra-shipping-waived', shipment.id, {
      reason: waiver.reason,
      amount: money(waiver.amount),
      invoices: waiver.invoices.map((i) => ({ ...i, amount: money(i.amount) })),
    });
    logistics.recordEvent(tx, {
      definition: extraShippingWaivedV1,
      subject: shipment.id,
      data: {
        shipmentId: shipment.id,
        customerId: shipment.customerId,
        invoices: waiver.invoices.map((i) => ({ invoiceId: i.invoiceId, orderId: i.orderId, amount: money(i.amount) })),
        reason: waiver.reason,
        actorId: actor,
        waivedAt: now.toISOString(),
      },
    });
    return shipment;
  });
}
