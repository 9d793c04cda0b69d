import type { FieldProblem } from '@vitrine/platform/domain';
import { BadUserInput, checkStaffReason, PolicyViolation } from '@vitrine/platform/domain';
import { statusesWithOpenReleaseDate, type ProductStatus } from './product-status.js';
import { checkReleaseEstimate, isPastEstimate } from './release-estimate.js';

export type ReleaseDateDecision = { kind: 'CHANGE'; estimate: string; reason: string } | { kind: 'UNCHANGED' };

/** Every problem with a requested release-date change at once (estimate and reason). */
export function checkReleaseDateInput(estimate: string, reason: string): { estimate: string; reason: string; problems: FieldProblem[] } {
  const checked = checkStaffReason(reason);
  return { estimate: estimate.trim(), reason: checked.reason, problems: [...checkReleaseEstimate(estimate), ...checked.problems] };
}

/**
 * A released product's date is a fact, not an estimate: it cannot change any
 * more. An unreleased product's new estimate cannot be in the past (a slip
 * moves it forward; BAD_USER_INPUT RELEASE_ESTIMATE_IN_PAST). Setting the
 * estimate it already has changes nothing (a retry writes no second history
 * row or event). `now` null: no past check (the demo seed replaying history).
 */
export function decideReleaseDateChange(
  status: ProductStatus,
  current: string | null,
  estimate: string,
  reason: string,
  now: Date | null,
): ReleaseDateDecision {
  if (!statusesWithOpenReleaseDate.includes(status)) {
    throw new PolicyViolation(`A ${status} product's release date can no longer change.`, 'RELEASE_DATE_FIXED', { status });
  }
  if (current === estimate) return { kind: 'UNCHANGED' };
  if (now && isPastEstimate(estimate, now)) {
    throw new BadUserInput('The release estimate is in the past.', [
      { field: 'estimate', reason: 'RELEASE_ESTIMATE_IN_PAST', message: 'Give this month or a later one, or a day from today on.' },
    ]);
  }
  return { kind: 'CHANGE', estimate, reason };
}
