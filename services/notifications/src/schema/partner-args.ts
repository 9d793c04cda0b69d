import { BadUserInput } from '@vitrine/platform';

/** How many deliveries a log page holds (staff's and a partner's own). */
export function deliveryPageSize(first: number | null): number {
  const size = first ?? 50;
  if (!Number.isInteger(size) || size < 1 || size > 200)
    throw new BadUserInput('Ask for 1 to 200 deliveries.', [{ field: 'first', reason: 'OUT_OF_RANGE', message: 'first is between 1 and 200.' }]);
  return size;
}

/** A replay's starting time, when given, is a real time. */
export function checkReplaySince(since: Date | null): Date | null {
  if (since && Number.isNaN(since.getTime()))
    throw new BadUserInput('since is not a time.', [{ field: 'since', reason: 'INVALID', message: 'An ISO date-time.' }]);
  return since;
}
