import type { Duration } from './units.js';

/** Rough length of a window in hours, to compare windows of different units (a business day counts as a day, a month as 28 to 31 days). */
function hoursBounds(d: Duration): [number, number] {
  switch (d.unit) {
    case 'HOURS':
      return [d.amount, d.amount];
    case 'DAYS':
      return [d.amount * 24, (d.amount + 1) * 24];
    case 'BUSINESS_DAYS':
      return [d.amount * 24, Number.POSITIVE_INFINITY];
    case 'MONTHS':
      return [d.amount * 28 * 24, (d.amount * 31 + 1) * 24];
  }
}

/** Whether window `b` surely ends later than window `a` (same anchor or a later one). */
export function endsLater(a: Duration, b: Duration): boolean {
  if (a.unit === b.unit) return b.amount > a.amount;
  return hoursBounds(b)[0] >= hoursBounds(a)[1];
}
