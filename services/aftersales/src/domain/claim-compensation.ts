import {
  claimCompensation,
  gradeForIssue,
  type ClaimGrade,
  type ClaimIssue,
  type Money,
  type PartCategory,
  type Rule,
  type StorePolicy,
} from '@vitrine/policy';
import { capRule } from './own-rules.js';

/** One part concerned, as staff graded it. */
export interface GradedPart {
  category: PartCategory;
  issue: ClaimIssue;
  /** Staff's grade; absent: the policy's chart for the issue. */
  grade?: ClaimGrade | null;
  /** Staff's amount where the policy says "staff decide" (minor units). */
  staffAmount?: number | null;
}

export interface PartCompensation {
  category: PartCategory;
  grade: ClaimGrade;
  amount: number;
  rule: Rule;
}

export type CompensationResult =
  | { ok: true; parts: PartCompensation[]; total: Money; capped: boolean; capRule: Rule | null }
  | { ok: false; problems: { index: number; reason: 'STAFF_AMOUNT_REQUIRED' | 'STAFF_AMOUNT_NOT_ALLOWED'; message: string; rule: Rule }[] };

/**
 * A partial refund: per part, the grade's percentage of the part's maximum
 * reimbursement (the policy's table), or staff's amount where the table says
 * "staff decide"; the total never exceeds `remaining` (what the line paid
 * minus earlier refunds on it).
 */
export function partialRefund(policy: StorePolicy, parts: GradedPart[], remaining: number): CompensationResult {
  const problems: Extract<CompensationResult, { ok: false }>['problems'] = [];
  const graded: PartCompensation[] = [];
  parts.forEach((part, index) => {
    const grade = part.grade ?? gradeForIssue(policy, part.issue);
    const decision = claimCompensation(policy, grade, part.category);
    if (decision.outcome === 'STAFF_DECIDES') {
      if (part.staffAmount == null) {
        problems.push({ index, reason: 'STAFF_AMOUNT_REQUIRED', message: `${decision.rule.text} Give the amount.`, rule: decision.rule });
        return;
      }
      graded.push({ category: part.category, grade, amount: part.staffAmount, rule: decision.rule });
      return;
    }
    if (part.staffAmount != null) {
      problems.push({ index, reason: 'STAFF_AMOUNT_NOT_ALLOWED', message: `The policy sets this amount: ${decision.rule.text}`, rule: decision.rule });
      return;
    }
    graded.push({ category: part.category, grade, amount: decision.amount!.amount, rule: decision.rule });
  });
  if (problems.length) return { ok: false, problems };
  const sum = graded.reduce((s, p) => s + p.amount, 0);
  const cap = Math.max(remaining, 0);
  const capped = sum > cap;
  return { ok: true, parts: graded, total: { amount: capped ? cap : sum, currency: policy.currency }, capped, capRule: capped ? capRule : null };
}
