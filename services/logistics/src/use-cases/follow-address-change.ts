import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, EventEnvelope, shippingAddressChangedV1 } from '@vitrine/contracts';
import { Shipment } from '../store/shipment.entity.js';
import { ShipmentOrder } from '../store/shipment-order.entity.js';
import { recordAudit } from './record-audit.js';

/**
 * Orders accepted a new address under the order's policy: the shipment
 * follows it while nothing is packed. Packed (or combined with the customer's
 * other orders, which share one address) it is too late here: the change is
 * audited for staff, who contact the customer, and the parcel is not moved
 * without them. An order with no shipment yet needs nothing: ReadyToFulfil
 * will carry the new address.
 */
export async function followAddressChange(em: EntityManager, event: EventEnvelope<EventData<typeof shippingAddressChangedV1>>): Promise<void> {
  const { orderId, shippingAddress } = event.data;
  const row = await em.findOne(ShipmentOrder, { orderId });
  if (!row) return;
  const shipment = await em.findOneOrFail(Shipment, row.shipmentId, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const parcelOrders = await em.count(ShipmentOrder, { shipmentId: shipment.id });
  if (shipment.status === 'OPEN' && parcelOrders === 1) {
    const from = shipment.address ?? null;
    shipment.address = shippingAddress;
    recordAudit(em, null, 'shipment.address-changed', shipment.id, { orderId, from, to: shippingAddress });
    return;
  }
  recordAudit(em, null, 'shipment.address-change-not-applied', shipment.id, {
    orderId,
    status: shipment.status,
    parcelOrders,
    requested: shippingAddress,
  });
}
