import type { CarrierStepStatus } from './carrier-step.js';

/** The built-in carrier outside production: parcels dispatched with it move on their own, on the store clock. */
export const sandboxCarrier = 'SANDBOX';

export interface JourneyStep {
  status: CarrierStepStatus;
  /** Store time after the dispatch. */
  afterHours: number;
  note: string;
}

const delivered: readonly JourneyStep[] = [
  { status: 'IN_TRANSIT', afterHours: 12, note: 'Sandbox carrier: left the sorting centre.' },
  { status: 'OUT_FOR_DELIVERY', afterHours: 48, note: 'Sandbox carrier: out for delivery.' },
  { status: 'DELIVERED', afterHours: 54, note: 'Sandbox carrier: delivered.' },
];

const returned: readonly JourneyStep[] = [
  { status: 'IN_TRANSIT', afterHours: 12, note: 'Sandbox carrier: left the sorting centre.' },
  { status: 'OUT_FOR_DELIVERY', afterHours: 48, note: 'Sandbox carrier: out for delivery, nobody answered.' },
  { status: 'RETURNED_TO_SENDER', afterHours: 168, note: 'Sandbox carrier: not collected, returned to the sender.' },
];

/**
 * The journey the sandbox plays for a parcel: delivered two days and a half
 * after dispatch, or, when its tracking number contains `RTS` (like a
 * payment sandbox's declining test card), not collected and back at the
 * sender after a week, so staff and tests can rehearse both endings.
 */
export function sandboxJourney(trackingNumber: string): readonly JourneyStep[] {
  return /RTS/i.test(trackingNumber) ? returned : delivered;
}

/** When a step of the journey falls due (store time). */
export function sandboxStepDue(dispatchedAt: Date, step: JourneyStep): Date {
  return new Date(dispatchedAt.getTime() + step.afterHours * 3_600_000);
}
