import type { ClaimGrade, ClaimIssue, PartCategory } from '../schema/claims.js';
import type { StorePolicy } from '../schema/store-policy.js';
import { rule, type Decision, type Rule } from './decision.js';
import { money, percentOf, type Money } from './money.js';
import { moneyText, percentText } from './texts.js';

const staffDecide = (why: string): Rule => rule('claims.compensation-staff-decide', `${why}: our staff decide the compensation case by case.`);

/** The grade the policy's chart gives a quality issue (STAFF: staff decide). */
export function gradeForIssue(policy: StorePolicy, issue: ClaimIssue): ClaimGrade {
  return policy.claims.compensation?.issueGrades[issue] ?? 'STAFF';
}

function partLabel(part: PartCategory): string {
  return part.toLowerCase().replaceAll('_', ' ');
}

/**
 * A partial refund for a damaged part: the grade's percentage of the part's
 * maximum reimbursement, rounded half up. STAFF_DECIDES where the grade or
 * the part says "depends", or the policy has no compensation table.
 */
export function claimCompensation(
  policy: StorePolicy,
  grade: ClaimGrade,
  part: PartCategory,
): Decision<{ outcome: 'AMOUNT' | 'STAFF_DECIDES'; amount: Money | null }> {
  const table = policy.claims.compensation;
  if (!table) return { outcome: 'STAFF_DECIDES', amount: null, rule: staffDecide('This store has no compensation table') };
  if (grade === 'STAFF') return { outcome: 'STAFF_DECIDES', amount: null, rule: staffDecide('This kind of issue is graded case by case') };
  const max = table.partMaxReimbursement[part];
  if (max === null) return { outcome: 'STAFF_DECIDES', amount: null, rule: staffDecide(`The ${partLabel(part)} has no fixed reimbursement`) };
  const bps = table.gradePercentBps[grade];
  return {
    outcome: 'AMOUNT',
    amount: money(percentOf(max, bps), policy.currency),
    rule: rule(
      `claims.compensation-${grade.toLowerCase()}`,
      `A ${grade.toLowerCase()}-grade issue is refunded ${percentText(bps)} of the part's maximum reimbursement (${partLabel(part)}: ${moneyText(max, policy.currency)}).`,
    ),
  };
}
