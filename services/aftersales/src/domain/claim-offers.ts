import type { ClaimKind, ClaimResolutionKind, ReturnPostagePayer } from '@vitrine/contracts';
import {
  claimResolutionOptions,
  gradeForIssue,
  keepDiscount,
  replacementLeadTime,
  type ReplacementLeadTime,
  type Rule,
  type StorePolicy,
} from '@vitrine/policy';
import { partialRefund, type GradedPart, type PartCompensation } from './claim-compensation.js';
import { capRule, gradedByStaffRule, gradedFromChartRule } from './own-rules.js';

/** When a replacement part should reach the customer (local days), or why there is no date, under the rule that says so. */
export type LeadTime = ReplacementLeadTime & { rule: Rule };

/** A resolution put to the customer, with what it pays (minor units), who pays the postage, or when a part should arrive. */
export interface ClaimOffer {
  resolution: ClaimResolutionKind;
  refund: number | null;
  returnPostage: ReturnPostagePayer | null;
  /** REPLACEMENT_PART only; absent on offers made before lead times were shown. */
  leadTime?: LeadTime | null;
  rule: Rule;
}

export interface OfferFacts {
  kind: ClaimKind;
  parts: GradedPart[];
  /** Staff narrow the policy's options (e.g. the factory has no spare part); null: every option it allows. */
  resolutions: readonly ClaimResolutionKind[] | null;
  /** Staff's discount where the policy leaves it to them (minor units). */
  discountAmount: number | null;
  /** Whether the studio has the parts in stock (staff ask it): sets a replacement part's lead time. */
  studioHasParts: boolean | null;
  /** The store clock: lead times count from it. */
  now: Date;
  /** What the line paid (unit price x quantity) and what is left of it after earlier refunds. */
  linePaid: number;
  remaining: number;
}

export interface OfferProblem {
  field: string;
  reason: string;
  message: string;
}

/** A part as staff graded it; `amount` only when a partial refund is offered. */
export type PartGrade = Omit<PartCompensation, 'amount'> & { amount: number | null };

export type OfferResult = { ok: true; offers: ClaimOffer[]; parts: PartGrade[]; rule: Rule } | { ok: false; problems: OfferProblem[] };

/** Grades without amounts, when no partial refund is offered: staff's grade, or the policy's chart for the issue. */
function gradesOnly(policy: StorePolicy, parts: GradedPart[]): PartGrade[] {
  return parts.map((part) => {
    const grade = part.grade ?? gradeForIssue(policy, part.issue);
    const rule = part.grade ? gradedByStaffRule(grade) : gradedFromChartRule(grade);
    return { category: part.category, grade, amount: null, rule };
  });
}

/**
 * What staff offer the customer for a graded claim: the resolutions the
 * order's policy allows for the claim's kind (or those of them staff keep),
 * in the policy's order. A partial refund is the compensation table capped by
 * what the line has left; a discount is the policy's percentage of the line
 * (or staff's amount where it names none), capped the same way; a return says
 * who pays its postage and refunds, once the item is back, what the line has
 * left. Every problem at once, nothing offered.
 */
export function claimOffers(policy: StorePolicy, facts: OfferFacts): OfferResult {
  const allowed = claimResolutionOptions(policy, facts.kind);
  const problems: OfferProblem[] = [];
  const kept = facts.resolutions ?? allowed.options.map((o) => o.resolution);
  if (kept.length === 0) problems.push({ field: 'resolutions', reason: 'REQUIRED', message: 'Offer at least one resolution.' });
  kept.forEach((resolution, i) => {
    if (!allowed.options.some((o) => o.resolution === resolution)) {
      problems.push({ field: `resolutions.${i}`, reason: 'NOT_ALLOWED', message: `The policy does not offer ${resolution} here. ${allowed.rule.text}` });
    }
  });
  const options = allowed.options.filter((o) => kept.includes(o.resolution));
  const offered = (r: ClaimResolutionKind) => options.some((o) => o.resolution === r);

  let parts: PartGrade[] = gradesOnly(policy, facts.parts);
  let refund: { amount: number; capped: boolean } | null = null;
  if (offered('PARTIAL_REFUND')) {
    const result = partialRefund(policy, facts.parts, facts.remaining);
    if (result.ok) {
      parts = result.parts;
      refund = { amount: result.total.amount, capped: result.capped };
    } else {
      problems.push(...result.problems.map((p) => ({ field: `grades.${p.index}.staffAmount`, reason: p.reason, message: p.message })));
    }
  }
  let discount: { amount: number; capped: boolean; rule: Rule } | null = null;
  if (offered('KEEP_WITH_DISCOUNT')) {
    const d = keepDiscount(policy, facts.linePaid);
    const asked = d.outcome === 'AMOUNT' ? d.amount!.amount : facts.discountAmount;
    if (d.outcome === 'STAFF_DECIDES' && facts.discountAmount === null) {
      problems.push({ field: 'discountAmount', reason: 'DISCOUNT_AMOUNT_REQUIRED', message: `${d.rule.text} Give the amount.` });
    } else if (d.outcome === 'AMOUNT' && facts.discountAmount !== null) {
      problems.push({ field: 'discountAmount', reason: 'DISCOUNT_AMOUNT_NOT_ALLOWED', message: `The policy sets the discount: ${d.rule.text}` });
    } else {
      const cap = Math.max(facts.remaining, 0);
      discount = { amount: Math.min(asked!, cap), capped: asked! > cap, rule: d.rule };
    }
  } else if (facts.discountAmount !== null) {
    problems.push({
      field: 'discountAmount',
      reason: 'DISCOUNT_NOT_OFFERED',
      message: 'A discount amount goes with keeping the item with a discount, which is not offered.',
    });
  }
  let leadTime: LeadTime | null = null;
  if (offered('REPLACEMENT_PART')) {
    if (facts.studioHasParts === null) {
      problems.push({
        field: 'studioHasParts',
        reason: 'STUDIO_STOCK_REQUIRED',
        message: 'Say whether the studio has the parts in stock: the customer is shown when they should arrive.',
      });
    } else {
      leadTime = replacementLeadTime(policy, facts.studioHasParts, facts.now);
    }
  } else if (facts.studioHasParts !== null) {
    problems.push({
      field: 'studioHasParts',
      reason: 'REPLACEMENT_NOT_OFFERED',
      message: "The studio's stock goes with a replacement part, which is not offered.",
    });
  }
  if (problems.length) return { ok: false, problems };

  const offers = options.map((option): ClaimOffer => {
    switch (option.resolution) {
      case 'PARTIAL_REFUND':
        return { resolution: 'PARTIAL_REFUND', refund: refund!.amount, returnPostage: null, rule: refund!.capped ? capRule : allowed.rule };
      case 'KEEP_WITH_DISCOUNT':
        return { resolution: 'KEEP_WITH_DISCOUNT', refund: discount!.amount, returnPostage: null, rule: discount!.capped ? capRule : discount!.rule };
      case 'REPLACEMENT_PART':
        return { resolution: 'REPLACEMENT_PART', refund: null, returnPostage: null, leadTime, rule: allowed.rule };
      case 'RETURN': {
        // The item goes back: the line's price comes back, less what earlier claims on it already refunded.
        const back = Math.max(facts.remaining, 0);
        return { resolution: 'RETURN', refund: back, returnPostage: option.postage, rule: back < facts.linePaid ? capRule : allowed.rule };
      }
      default:
        return { resolution: option.resolution, refund: null, returnPostage: null, rule: allowed.rule };
    }
  });
  return { ok: true, offers, parts, rule: allowed.rule };
}
