import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, cancelTimer, NotFound, PolicyViolation, scheduleTimer } from '@vitrine/platform';
import { checkConsolidationRequest, decideConsolidation, type ConsolidationCandidate } from '../domain/consolidation.js';
import { assertShipmentMove } from '../domain/shipment-status.js';
import { ShipmentOrder } from '../store/shipment-order.entity.js';
import { Shipment } from '../store/shipment.entity.js';
import { handoverTimer } from './open-shipment.js';
import { recordAudit } from './record-audit.js';

/**
 * Staff combine unpacked shipments of one customer, to one address, from one
 * warehouse into one parcel (the bulk-balance case: several paid orders
 * shipped once). The oldest shipment keeps its id and takes the others'
 * orders, each with the estimate it paid, so the final quote splits one cost
 * back over them (`finalQuote`) and each order is refunded or invoiced its
 * own difference as before. The others end CONSOLIDATED, pointing at it.
 * The shipments are locked in id order (two requests over the same ones
 * cannot deadlock); a retry returns the same parcel and writes nothing.
 * No event: ShippingQuoted and ShipmentDispatched name every order of the
 * parcel, which is what other services act on.
 */
export async function consolidateShipments(em: EntityManager, actor: string, shipmentIds: readonly string[]): Promise<Shipment> {
  const problems = checkConsolidationRequest(shipmentIds);
  if (problems.length > 0) throw new BadUserInput('These shipments cannot be combined as asked.', problems);
  const ids = shipmentIds.map((id) => id.toLowerCase()).sort();
  return em.transactional(async (tx) => {
    const found = await tx.find(Shipment, { id: { $in: ids } }, { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE });
    const missing = ids.find((id) => !found.some((s) => s.id === id));
    if (missing) throw new NotFound('Shipment', missing);
    const decision = decideConsolidation(found.map(candidate));
    if (decision.kind === 'REFUSED') throw new PolicyViolation(decision.message, decision.rule, { shipmentId: decision.shipmentId });
    if (decision.kind === 'ALREADY_COMBINED') return decision.into.shipment;

    const into = decision.into.shipment;
    const absorbed = decision.absorbed.map((c) => c.shipment);
    const absorbedIds = absorbed.map((s) => s.id);
    for (const s of absorbed) {
      assertShipmentMove(s.status, 'CONSOLIDATED');
      Object.assign(s, { status: 'CONSOLIDATED', consolidatedInto: into.id, handoverBy: null, lateSince: null });
      await cancelTimer(tx, handoverTimer, s.id);
    }
    await tx.flush();
    await tx.nativeUpdate(ShipmentOrder, { shipmentId: { $in: absorbedIds } }, { shipmentId: into.id });
    // Shipments combined earlier into one absorbed now point at the parcel their orders travel in.
    await tx.nativeUpdate(Shipment, { consolidatedInto: { $in: absorbedIds } }, { consolidatedInto: into.id });
    Object.assign(into, { handoverBy: decision.handoverBy, lateSince: decision.lateSince });
    // The combined parcel is due by the earliest deadline promised (moving its pending timer); one already late stays late.
    if (decision.handoverBy && !decision.lateSince) await scheduleTimer(tx, { kind: handoverTimer, key: into.id, dueAt: decision.handoverBy });
    const orders = await tx.find(ShipmentOrder, { shipmentId: into.id }, { orderBy: { orderId: 'asc' } });
    recordAudit(tx, actor, 'shipment.consolidated', into.id, { absorbed: absorbedIds, orderIds: orders.map((o) => o.orderId) });
    return into;
  });
}

function candidate(shipment: Shipment): ConsolidationCandidate & { shipment: Shipment } {
  return {
    shipment,
    id: shipment.id,
    customerId: shipment.customerId,
    status: shipment.status,
    kind: shipment.kind,
    consolidatedInto: shipment.consolidatedInto ?? null,
    warehouseId: shipment.warehouseId ?? null,
    address: shipment.address ?? null,
    method: shipment.method ?? null,
    currency: shipment.currency,
    openedAt: shipment.openedAt,
    handoverBy: shipment.handoverBy ?? null,
    lateSince: shipment.lateSince ?? null,
  };
}
