import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { exchangeUnitHeldV1, type claimReplacementRequestedV1, type EventData, type EventEnvelope, type shipmentDispatchedV1 } from '@vitrine/contracts';
import { storeNow } from '@vitrine/platform';
import { exchangeUnitSource } from '../domain/exchange-unit.js';
import { catalog } from '../identity.js';
import { StockReservation } from '../store/stock-reservation.entity.js';
import { applyMovement, lockProducts, readProductStock } from './stock-counters.js';
import { commitReservation } from './settle-reservation.js';

/**
 * After-sales' ClaimReplacementRequested for an EXCHANGE: one unit of the
 * product is held in a warehouse under the claim (a reservation keyed by the
 * claim id), under the same product lock orders take, so the exchange never
 * takes a unit an order holds and no order takes the exchange's. Announced
 * as ExchangeUnit HELD, or UNAVAILABLE when no warehouse has a free unit
 * (nothing moves; after-sales shows it to staff). Asked again for the same
 * claim: nothing more is held.
 */
export async function holdExchangeUnit(em: EntityManager, event: EventEnvelope<EventData<typeof claimReplacementRequestedV1>>): Promise<void> {
  const { claimId, productId, resolution } = event.data;
  if (resolution !== 'EXCHANGE') return;
  const statuses = await lockProducts(em, [productId]);
  if ((await em.count(StockReservation, { orderId: claimId })) > 0) return;
  const at = storeNow();
  const source = statuses.has(productId) ? exchangeUnitSource((await readProductStock(em, statuses)).get(productId)!) : null;
  if (source) {
    await applyMovement(em, { productId, warehouseId: source, kind: 'RESERVED', quantity: 1, orderId: claimId, reason: `Exchange for claim ${claimId}` }, at);
    em.persist(
      em.create(StockReservation, {
        id: randomUUID(),
        orderId: claimId,
        productId,
        warehouseId: source,
        quantity: 1,
        state: 'RESERVED',
        reservedAt: at,
        settledAt: null,
      }),
    );
  }
  catalog.recordEvent(em, {
    definition: exchangeUnitHeldV1,
    subject: claimId,
    data: { claimId, productId, outcome: source ? 'HELD' : 'UNAVAILABLE', warehouseId: source, at: at.toISOString() },
  });
  await em.flush();
}

/** logistics dispatched a claim's replacement: an exchange's held unit leaves the warehouse (a part's shipment holds none). */
export async function shipExchangeUnit(em: EntityManager, event: EventEnvelope<EventData<typeof shipmentDispatchedV1>>): Promise<void> {
  const { kind, claimId } = event.data;
  if (kind !== 'REPLACEMENT' || !claimId) return;
  await commitReservation(em, claimId);
}
