import type { FieldProblem } from '@vitrine/platform/domain';
import { checkStaffReason, PolicyViolation } from '@vitrine/platform/domain';
import { statusesWithOpenReleaseDate, type ProductStatus } from './product-status.js';
import { checkReleaseEstimate } from './release-estimate.js';

export type ReleaseDateDecision = { kind: 'CHANGE'; estimate: string; reason: string } | { kind: 'UNCHANGED' };

/** Every problem with a requested release-date change at once (estimate and reason). */
export function checkReleaseDateInput(estimate: string, reason: string): { estimate: string; reason: string; problems: FieldProblem[] } {
  const checked = checkStaffReason(reason);
  return { estimate: estimate.trim(), reason: checked.reason, problems: [...checkReleaseEstimate(estimate), ...checked.problems] };
}

/**
 * A released product's date is a fact, not an estimate: it cannot change any
 * more. Setting the estimate it already has changes nothing (a retry writes no
 * second history row or event).
 */
export function decideReleaseDateChange(status: ProductStatus, current: string | null, estimate: string, reason: string): ReleaseDateDecision {
  if (!statusesWithOpenReleaseDate.includes(status)) {
    throw new PolicyViolation(`A ${status} product's release date can no longer change.`, 'RELEASE_DATE_FIXED', { status });
  }
  return current === estimate ? { kind: 'UNCHANGED' } : { kind: 'CHANGE', estimate, reason };
}
