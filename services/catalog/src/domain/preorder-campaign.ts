import type { PaymentPlan, PreorderCloseReason } from '@vitrine/contracts';
import { PolicyViolation, type FieldProblem } from '@vitrine/platform/domain';
import type { ProductStatus } from './product-status.js';

/** SCHEDULED: opens later on its own; OPEN: the product is on preorder; CLOSED: orders went (or go) to the maker. */
export const campaignStates = ['SCHEDULED', 'OPEN', 'CLOSED'] as const;
export type CampaignState = (typeof campaignStates)[number];

export interface CampaignTerms {
  /** Null or in the past: open now. */
  opensAt: Date | null;
  /** Null: open until staff close it. */
  closesAt: Date | null;
  /** Null: the store's default plan. */
  paymentPlan: PaymentPlan | null;
  /**
   * The limited quantity: the units of the limited run. In a campaign's own terms and in the terms after a change
   * (decideTermsChange), null is open-ended. In the terms staff open a window
   * with, null (or omitted) keeps the run the product already has (the last
   * window's, or the one it was created with), so it is open-ended only when
   * the product had no run.
   */
  limitedQuantity: number | null;
}

/** A limited run larger than this is a typo, not a run. */
export const maxLimitedQuantity = 1_000_000;

/** Every problem with a campaign's terms at once, so staff fix them in one go. */
export function checkCampaignTerms(terms: CampaignTerms, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const opensAt = terms.opensAt && terms.opensAt > now ? terms.opensAt : now;
  if (terms.closesAt && terms.closesAt <= now) {
    problems.push({ field: 'closesAt', reason: 'IN_THE_PAST', message: 'The window must close in the future.' });
  } else if (terms.closesAt && terms.closesAt <= opensAt) {
    problems.push({ field: 'closesAt', reason: 'CLOSES_BEFORE_OPENING', message: 'The window must close after it opens.' });
  }
  if (terms.limitedQuantity !== null && (!Number.isInteger(terms.limitedQuantity) || terms.limitedQuantity < 1 || terms.limitedQuantity > maxLimitedQuantity)) {
    problems.push({ field: 'limitedQuantity', reason: 'OUT_OF_RANGE', message: `A limited run is a whole number of units from 1 to ${maxLimitedQuantity}.` });
  }
  if (terms.paymentPlan) problems.push(...checkPaymentPlan(terms.paymentPlan));
  return problems;
}

/** A deposit plan needs its percentage; the other plans must not carry one (it would mean nothing). */
export function checkPaymentPlan(plan: PaymentPlan): FieldProblem[] {
  const { kind, depositPercent, fullPaymentAllowed } = plan;
  if (kind === 'DEPOSIT') {
    if (depositPercent === null) return [{ field: 'paymentPlan.depositPercent', reason: 'REQUIRED', message: 'A deposit plan needs the share paid at order.' }];
    if (!Number.isInteger(depositPercent) || depositPercent < 1 || depositPercent > 99) {
      return [{ field: 'paymentPlan.depositPercent', reason: 'OUT_OF_RANGE', message: 'A deposit is a whole percentage from 1 to 99.' }];
    }
    return [];
  }
  const problems: FieldProblem[] = [];
  if (depositPercent !== null) problems.push({ field: 'paymentPlan.depositPercent', reason: 'NOT_APPLICABLE', message: `A ${kind} plan takes no deposit.` });
  if (fullPaymentAllowed)
    problems.push({ field: 'paymentPlan.fullPaymentAllowed', reason: 'NOT_APPLICABLE', message: 'Only a deposit plan offers full payment as an option.' });
  return problems;
}

/** Statuses from which a preorder window may open: announced, or closed and reopened at the maker's request. */
const openableFrom: readonly ProductStatus[] = ['ANNOUNCED', 'PREORDER_CLOSED'];

export type OpeningDecision = { kind: 'OPEN_NOW' } | { kind: 'SCHEDULE'; opensAt: Date };

/**
 * Opens now or schedules the opening. A product already on preorder changes
 * its terms instead (so a retry cannot reset a running window), and a
 * released or discontinued one cannot go back to preorder.
 */
export function decideOpening(status: ProductStatus, opensAt: Date | null, now: Date): OpeningDecision {
  if (status === 'PREORDER') {
    throw new PolicyViolation('Preorders are already open for this product; change the campaign terms instead.', 'PREORDER_ALREADY_OPEN', { status });
  }
  if (!openableFrom.includes(status)) {
    throw new PolicyViolation(`A ${status} product cannot be put on preorder.`, 'PREORDER_NOT_ALLOWED', { status, allowedFrom: [...openableFrom] });
  }
  return opensAt && opensAt > now ? { kind: 'SCHEDULE', opensAt } : { kind: 'OPEN_NOW' };
}

/** Staff may close early for these reasons; SCHEDULED and STATUS_CHANGED are the platform's own. */
export const earlyCloseReasons: readonly PreorderCloseReason[] = ['SOLD_OUT', 'MAKER_REQUEST', 'STORE_DECISION'];

/** A campaign staff may still act on: scheduled or open (a closed one has sent its orders to the maker). */
export type LiveCampaign<C extends { state: CampaignState }> = C & { state: 'SCHEDULED' | 'OPEN' };

/** Only a scheduled or open window can close early; a closed one is already closed, and a product without one has nothing to close. */
export function assertCanCloseEarly<C extends { state: CampaignState }>(campaign: C | null, reason: PreorderCloseReason): asserts campaign is LiveCampaign<C> {
  if (!earlyCloseReasons.includes(reason)) {
    throw new PolicyViolation(`${reason} is not a reason staff can give.`, 'PREORDER_CLOSE_REASON', { reason, allowed: [...earlyCloseReasons] });
  }
  if (campaign?.state !== 'OPEN' && campaign?.state !== 'SCHEDULED') {
    throw new PolicyViolation('This product has no preorder window to close.', 'PREORDER_NOT_OPEN', { state: campaign?.state ?? null });
  }
}

/** Only a scheduled or open window changes its terms: a closed one has sent its orders to the maker (open a new window instead). */
export function assertCanChangeTerms<C extends { state: CampaignState }>(campaign: C | null): asserts campaign is LiveCampaign<C> {
  if (campaign?.state !== 'OPEN' && campaign?.state !== 'SCHEDULED') {
    throw new PolicyViolation('Only a scheduled or open preorder window can change its terms; open a new window instead.', 'PREORDER_NOT_OPEN', {
      state: campaign?.state ?? null,
    });
  }
}

/** A change of terms: undefined keeps a term, null clears it (no close date, default plan, open-ended). */
export interface TermsChange {
  opensAt?: Date;
  closesAt?: Date | null;
  paymentPlan?: PaymentPlan | null;
  limitedQuantity?: number | null;
}

/**
 * The terms after a change of a scheduled or open window (assertCanChangeTerms
 * first); only a scheduled one can move its opening. That a limited run never
 * shrinks below what customers hold is the preorder pool's rule
 * (PREORDER_LIMIT_BELOW_RESERVED).
 */
export function decideTermsChange(
  state: 'SCHEDULED' | 'OPEN',
  current: CampaignTerms,
  change: TermsChange,
  now: Date,
): { terms: CampaignTerms; problems: FieldProblem[] } {
  const keep = <T>(next: T | undefined, was: T): T => (next === undefined ? was : next);
  const terms: CampaignTerms = {
    opensAt: state === 'SCHEDULED' ? keep(change.opensAt, current.opensAt) : null,
    closesAt: keep(change.closesAt, current.closesAt),
    paymentPlan: keep(change.paymentPlan, current.paymentPlan),
    limitedQuantity: keep(change.limitedQuantity, current.limitedQuantity),
  };
  const problems: FieldProblem[] = [];
  if (change.opensAt && state === 'OPEN') {
    problems.push({ field: 'opensAt', reason: 'ALREADY_OPEN', message: 'The window is already open; only a scheduled one can move its opening.' });
  }
  return { terms, problems: [...problems, ...checkCampaignTerms(terms, now)] };
}
