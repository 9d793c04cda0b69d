import { applyLatest } from '../latest-change.js';

/** A customer's country as a service last heard it from accounts. */
export interface RegionState {
  country: string;
  changedAt: Date;
}

export interface RegionChange {
  country: string;
  /** When accounts made the change (the event's time). */
  at: Date;
}

/** Newest change wins (applyLatest). */
export function applyRegionChange(current: RegionState | null, change: RegionChange): RegionState | null {
  return applyLatest(current, { country: change.country }, change.at, (a, b) => a.country === b.country);
}
