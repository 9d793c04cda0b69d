import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readyToFulfilV1, shipmentOpenedV1, type EventData, type EventEnvelope } from '@vitrine/contracts';
import { scheduleTimer, storeNow } from '@vitrine/platform';
import { deadlineAfter, deadlineRegion } from '@vitrine/policy';
import { logistics } from '../identity.js';
import { KnownOrder } from '../store/known-order.entity.js';
import { KnownWarehouse } from '../store/known-warehouse.entity.js';
import { Shipment } from '../store/shipment.entity.js';
import { ShipmentOrder } from '../store/shipment-order.entity.js';
import { orderPolicy } from './order-policy.js';

/** Fires when a shipment is due at the logistics partner: still unpacked, it shows as late. */
export const handoverTimer = 'shipment-handover';

/**
 * ReadyToFulfil: a shipment opens at the warehouse holding the order's units
 * (the first one named; null when catalog has not said), due at the partner
 * by the order's policy (in stock or preorder handover, the longest promised,
 * in business days of the warehouse's country). Once per order.
 */
export async function openShipment(em: EntityManager, event: EventEnvelope<EventData<typeof readyToFulfilV1>>): Promise<void> {
  const { orderId, customerId, shippingAddress, shippingMethod, shippingPaid } = event.data;
  if (await em.findOne(ShipmentOrder, { orderId })) return;
  const order = await em.findOne(KnownOrder, { orderId });
  const warehouseId = order?.units?.find((u) => u.warehouseId !== null)?.warehouseId ?? null;
  const warehouse = warehouseId ? await em.findOne(KnownWarehouse, { warehouseId }) : null;
  const policy = await orderPolicy(em, order?.policyVersion ?? null);
  const openedAt = storeNow();
  const promise = policy && (order?.kind === 'PREORDER' ? policy.fulfilment.preorder.handover : policy.fulfilment.inStock.handover);
  const handoverBy =
    policy && promise ? deadlineAfter(policy, openedAt, { amount: promise.max, unit: promise.unit }, deadlineRegion(policy, warehouse?.country)).at : null;
  const shipment = em.create(Shipment, {
    id: randomUUID(),
    customerId,
    status: 'OPEN',
    warehouseId,
    address: shippingAddress,
    method: shippingMethod,
    currency: shippingPaid.currency,
    policyVersion: order?.policyVersion ?? null,
    handoverBy,
    lateSince: null,
    openedAt,
  });
  em.persist(shipment);
  em.persist(
    em.create(ShipmentOrder, {
      orderId,
      shipmentId: shipment.id,
      estimatePaid: shippingPaid.amount,
      finalShare: null,
      excessRefund: 0,
      extraDue: 0,
      invoiceId: null,
      invoicePaidAt: null,
    }),
  );
  if (handoverBy) await scheduleTimer(em, { kind: handoverTimer, key: shipment.id, dueAt: handoverBy });
  logistics.recordEvent(em, {
    definition: shipmentOpenedV1,
    subject: shipment.id,
    data: {
      shipmentId: shipment.id,
      customerId,
      orderIds: [orderId],
      warehouseId,
      handoverBy: handoverBy?.toISOString() ?? null,
      openedAt: openedAt.toISOString(),
    },
  });
  await em.flush();
}

/** The handover deadline passed: a shipment still unpacked is late (the staff queue shows it). */
export async function markLateIfUnpacked(em: EntityManager, shipmentId: string): Promise<void> {
  const shipment = await em.findOne(Shipment, { id: shipmentId });
  if (shipment && shipment.status === 'OPEN' && !shipment.lateSince) shipment.lateSince = storeNow();
  await em.flush();
}
