import type { BaseContext } from '@vitrine/platform';
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ShipmentOrder } from '../store/shipment-order.entity.js';
import type { Shipment } from '../store/shipment.entity.js';
import type { TrackingEvent } from '../store/tracking-event.entity.js';
import { ordersInShipments, shipmentsOfOrders, trackingOf } from '../use-cases/read-shipments.js';

export interface LogisticsContext extends BaseContext {
  /** Shipments per order id (Order.shipments through federation), one query per request. */
  shipmentsOfOrder: DataLoader<string, Shipment[]>;
  ordersOfShipment: DataLoader<string, ShipmentOrder[]>;
  trackingOfShipment: DataLoader<string, TrackingEvent[]>;
}

const grouped = <T extends { shipmentId: string }>(rows: T[], ids: readonly string[]) => ids.map((id) => rows.filter((r) => r.shipmentId === id));

export function extendContext(base: BaseContext): LogisticsContext {
  const em: EntityManager = base.em;
  return {
    ...base,
    shipmentsOfOrder: new DataLoader(async (ids) => {
      const map = await shipmentsOfOrders(em, ids);
      return ids.map((id) => map.get(id) ?? []);
    }),
    ordersOfShipment: new DataLoader(async (ids) => grouped(await ordersInShipments(em, ids), ids)),
    trackingOfShipment: new DataLoader(async (ids) => grouped(await trackingOf(em, ids), ids)),
  };
}
