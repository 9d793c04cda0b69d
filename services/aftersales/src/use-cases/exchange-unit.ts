import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, EventEnvelope, exchangeUnitHeldV1 } from '@vitrine/contracts';
import { Claim } from '../store/claim.entity.js';
import { recordAudit } from './record-audit.js';

/**
 * catalog's answer to an exchange: the new unit is held in a warehouse for
 * the replacement parcel, or there is none in stock. Kept on the claim for
 * staff (and audited): an UNAVAILABLE exchange needs another resolution.
 */
export async function rememberExchangeUnit(em: EntityManager, event: EventEnvelope<EventData<typeof exchangeUnitHeldV1>>): Promise<void> {
  const { claimId, outcome, warehouseId } = event.data;
  const claim = await em.findOne(Claim, { id: claimId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!claim) return;
  Object.assign(claim, { exchangeUnit: outcome, exchangeWarehouseId: warehouseId });
  recordAudit(em, null, outcome === 'HELD' ? 'claim.exchange-unit-held' : 'claim.exchange-unit-unavailable', claim.id, { warehouseId });
  await em.flush();
}
