/**
 * A projection of something another service owns (a customer's country, a
 * flag): last writer wins by the time the owner made the change, so a change
 * delivered late never overwrites a newer one; equal times keep delivery
 * order. Returns null when nothing is to be written (older, or the same
 * change again).
 */
export function applyLatest<V extends object>(
  current: (V & { changedAt: Date }) | null,
  value: V,
  at: Date,
  same: (a: V, b: V) => boolean,
): (V & { changedAt: Date }) | null {
  if (current && at.getTime() < current.changedAt.getTime()) return null;
  if (current && same(current, value) && current.changedAt.getTime() === at.getTime()) return null;
  return { ...value, changedAt: at };
}
