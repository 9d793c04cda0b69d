import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, EventDefinition, EventEnvelope, shipmentOpenedV1, warehouseCreatedV1, warehouseUpdatedV1 } from '@vitrine/contracts';
import { returnDestination, type ReturnDestination } from '../domain/return-destination.js';
import { KnownWarehouse, OrderParcel } from '../store/return-warehouse.entity.js';

type Event<T extends EventDefinition> = EventEnvelope<EventData<T>>;

/** WarehouseCreated / WarehouseUpdated: catalog's warehouse as it now is (each carries it whole), with its return address. */
export async function rememberWarehouse(em: EntityManager, event: Event<typeof warehouseCreatedV1> | Event<typeof warehouseUpdatedV1>): Promise<void> {
  const { warehouseId, code, name, country, returnAddress } = event.data;
  await em.upsert(
    KnownWarehouse,
    { id: warehouseId, code, name, country, returnAddress: returnAddress ?? null },
    { onConflictFields: ['id'], onConflictMergeFields: ['code', 'name', 'country', 'returnAddress'] },
  );
}

/** ShipmentOpened: the warehouse each order's parcel leaves from; the order's first parcel is kept. */
export async function rememberParcel(em: EntityManager, event: Event<typeof shipmentOpenedV1>): Promise<void> {
  const { shipmentId, orderIds, warehouseId } = event.data;
  for (const orderId of orderIds) await em.upsert(OrderParcel, { orderId, shipmentId, warehouseId }, { onConflictAction: 'ignore' });
}

/**
 * Where items of these orders go back (domain/return-destination.ts), keyed
 * by order id: two queries whatever the number of orders.
 */
export async function returnDestinationsOf(em: EntityManager, orderIds: readonly string[]): Promise<Map<string, ReturnDestination>> {
  const parcels = orderIds.length > 0 ? await em.find(OrderParcel, { orderId: { $in: [...orderIds] } }) : [];
  const warehouseIds = [...new Set(parcels.flatMap((p) => (p.warehouseId ? [p.warehouseId] : [])))];
  const warehouses = warehouseIds.length > 0 ? await em.find(KnownWarehouse, { id: { $in: warehouseIds } }) : [];
  const parcelOf = new Map(parcels.map((p) => [p.orderId, p]));
  const warehouseOf = new Map(warehouses.map((w) => [w.id, w]));
  return new Map(
    orderIds.map((orderId) => {
      const parcel = parcelOf.get(orderId);
      const warehouse = parcel?.warehouseId ? warehouseOf.get(parcel.warehouseId) : undefined;
      return [
        orderId,
        returnDestination({
          parcelKnown: parcel !== undefined,
          warehouseId: parcel?.warehouseId ?? null,
          warehouse: warehouse ? { code: warehouse.code, returnAddress: warehouse.returnAddress ?? null } : null,
        }),
      ];
    }),
  );
}
