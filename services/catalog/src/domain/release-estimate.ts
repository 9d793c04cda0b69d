import type { FieldProblem } from '@vitrine/platform/domain';

/** Makers announce a month ("2027-03") and later an exact day ("2027-03-14"). */
const estimatePattern = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

export const releaseEstimateYears = { min: 2000, max: 2100 } as const;

/** Problems with a release estimate: it must be a real month `YYYY-MM` or a real day `YYYY-MM-DD`. */
export function checkReleaseEstimate(estimate: string, field = 'estimate'): FieldProblem[] {
  const match = estimatePattern.exec(estimate.trim());
  const invalid = [{ field, reason: 'INVALID_RELEASE_ESTIMATE', message: 'Give a month (YYYY-MM) or a day (YYYY-MM-DD).' }];
  if (!match) return invalid;
  const [year, month, day] = [Number(match[1]), Number(match[2]), match[3] === undefined ? undefined : Number(match[3])];
  if (year < releaseEstimateYears.min || year > releaseEstimateYears.max || month < 1 || month > 12) return invalid;
  if (day !== undefined) {
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > daysInMonth) return invalid;
  }
  return [];
}

/**
 * Whether an estimate is already behind us at `now` (UTC): a day before
 * today, or a month before this one (this month is still ahead: it may
 * release on any of its remaining days).
 */
export function isPastEstimate(estimate: string, now: Date): boolean {
  const today = now.toISOString().slice(0, 10);
  return estimate.length === 7 ? estimate < today.slice(0, 7) : estimate < today;
}
