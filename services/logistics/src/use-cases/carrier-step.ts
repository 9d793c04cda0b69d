import type { EntityManager } from '@mikro-orm/postgresql';
import { storeNow } from '@vitrine/platform';
import { carrierStepEffect, carrierStepTime, type CarrierStepStatus } from '../domain/carrier-step.js';
import { lockShipment } from './parcel-quote.js';
import { recordTracking } from './tracking.js';

export interface CarrierStep {
  status: CarrierStepStatus;
  /** When the carrier says it happened; null: now. */
  occurredAt: Date | null;
  note: string | null;
}

/**
 * The carrier port: a step reported by a carrier (the sandbox's timers, a
 * real carrier's webhook) goes through the very use case staff record
 * tracking with, so DELIVERED and RETURNED_TO_SENDER publish the same
 * events. A parcel whose journey is over takes no more steps (STALE), and a
 * step's time is kept between the dispatch and now. In the caller's transaction.
 */
export async function applyCarrierStep(em: EntityManager, shipmentId: string, step: CarrierStep): Promise<'APPLIED' | 'STALE'> {
  const shipment = await lockShipment(em, shipmentId);
  if (carrierStepEffect(shipment.status) === 'STALE') return 'STALE';
  const at = carrierStepTime(step.occurredAt, shipment.dispatchedAt ?? null, storeNow());
  await recordTracking(em, null, shipmentId, { status: step.status, at, note: step.note });
  return 'APPLIED';
}
