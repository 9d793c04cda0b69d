import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, EventEnvelope, shipmentDispatchedV1 } from '@vitrine/contracts';
import { closesOnDispatch } from '../domain/replacement-request.js';
import { Claim } from '../store/claim.entity.js';
import { moveClaim } from './claim-steps.js';
import { announceResolved } from './close-claim.js';
import { recordAudit } from './record-audit.js';

/**
 * Logistics dispatched a claim's replacement parcel (ShipmentDispatched, kind
 * REPLACEMENT): the part or the exchanged unit is on its way, so the claim
 * closes (ClaimResolved, `closedBy` null: nobody closed it by hand, the
 * dispatch did). A claim staff closed already, or one resolved otherwise, is
 * left as it is and the dispatch audited. Parcels of orders are not ours.
 */
export async function closeOnReplacementDispatch(em: EntityManager, event: EventEnvelope<EventData<typeof shipmentDispatchedV1>>): Promise<void> {
  const { kind, claimId, shipmentId, carrier, trackingNumber, dispatchedAt } = event.data;
  if (kind !== 'REPLACEMENT' || !claimId) return;
  const claim = await em.findOne(Claim, { id: claimId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!claim) return;
  const shipment = { shipmentId, carrier, trackingNumber };
  const decision = closesOnDispatch(claim);
  if (!decision.close) {
    recordAudit(em, null, 'claim.replacement-dispatched', claim.id, { ...shipment, closed: false, why: decision.why });
    return;
  }
  moveClaim(claim, 'CLOSED');
  Object.assign(claim, { closedBy: null, closedAt: new Date(dispatchedAt) });
  recordAudit(em, null, 'claim.replacement-dispatched', claim.id, { ...shipment, closed: true, resolution: claim.resolution });
  announceResolved(em, claim);
  await em.flush();
}
