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

/**
 * Last writer wins by the time accounts made the change: an older change
 * (delivered out of order) never overwrites a newer one. Equal times keep
 * delivery order. Returns null when nothing is to be written.
 */
export function applyRegionChange(current: RegionState | null, change: RegionChange): RegionState | null {
  if (current && change.at.getTime() < current.changedAt.getTime()) return null;
  if (current && current.country === change.country && current.changedAt.getTime() === change.at.getTime()) return null;
  return { country: change.country, changedAt: change.at };
}
