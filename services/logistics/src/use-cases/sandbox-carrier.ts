import type { EntityManager } from '@mikro-orm/postgresql';
import { scheduleTimer, type DueTimer } from '@vitrine/platform';
import { sandboxCarrier, sandboxJourney, sandboxStepDue } from '../domain/sandbox-carrier.js';
import { Shipment } from '../store/shipment.entity.js';
import { applyCarrierStep } from './carrier-step.js';

/** Fires when the sandbox carrier's next step for a parcel falls due (key = shipment id, payload = the step's index). */
export const sandboxCarrierTimer = 'sandbox-carrier-step';

/** At dispatch with the sandbox carrier: its first step, due on the store clock (in the dispatch's transaction). */
export async function startSandboxJourney(em: EntityManager, shipmentId: string, trackingNumber: string, dispatchedAt: Date): Promise<void> {
  const [first] = sandboxJourney(trackingNumber);
  if (first) await scheduleTimer(em, { kind: sandboxCarrierTimer, key: shipmentId, dueAt: sandboxStepDue(dispatchedAt, first), payload: { step: 0 } });
}

/**
 * The sandbox carrier's step fell due: recorded as it happened (at its due
 * time, however far the store clock jumped), then the next one is armed.
 * One timer at a time per parcel, so steps are recorded in their order even
 * when a jump makes several due at once. A parcel staff finished by hand (or
 * no longer with the sandbox) ends its journey quietly.
 */
export async function advanceSandboxParcel(em: EntityManager, timer: DueTimer): Promise<void> {
  const shipment = await em.findOne(Shipment, { id: timer.key });
  if (!shipment || shipment.carrier !== sandboxCarrier || !shipment.trackingNumber || !shipment.dispatchedAt) return;
  const journey = sandboxJourney(shipment.trackingNumber);
  const index = Number(timer.payload.step ?? 0);
  const step = journey[index];
  if (!step) return;
  const outcome = await applyCarrierStep(em, shipment.id, { status: step.status, occurredAt: timer.dueAt, note: step.note });
  const next = journey[index + 1];
  if (outcome === 'APPLIED' && next) {
    await scheduleTimer(em, { kind: sandboxCarrierTimer, key: shipment.id, dueAt: sandboxStepDue(shipment.dispatchedAt, next), payload: { step: index + 1 } });
  }
}
