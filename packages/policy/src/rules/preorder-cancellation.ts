import { deadlineAfter, isBefore } from '../calendar/deadline.js';
import type { CancellationTier } from '../schema/cancellation.js';
import type { StorePolicy } from '../schema/store-policy.js';
import { cancellationRightRule } from './cancellation-rights.js';
import { allowedQuote, forStaff, refusedQuote, type CancellationQuote } from './cancellation-amounts.js';
import { rule, type Decision, type Rule } from './decision.js';
import { reached, type OrderFacts } from './order-facts.js';
import { durationText, feeText, kebab, milestoneWords } from './texts.js';

const anchorWords: Record<CancellationTier['from'], string> = { ORDER_PLACED: 'placing the order', DEPOSIT_PAID: 'paying the deposit' };

const downPaymentKept = 'The non-refundable down payment is kept.';

export function tierRule(tier: CancellationTier): Rule {
  return rule(`preorder-cancellation.${tier.id}`, `Cancelled within ${durationText(tier.within)} of ${anchorWords[tier.from]}: ${feeText(tier.fee)}.`);
}

/** What applies once every tier has closed (or always, for a policy without tiers). */
export function afterTiersRule(policy: StorePolicy): Rule {
  const { tiers, afterTiers, refusedFrom } = policy.preorderCancellation;
  const last = tiers.at(-1);
  const when = last ? `more than ${durationText(last.within)} after ${anchorWords[last.from]}` : `before ${milestoneWords[refusedFrom]}`;
  const suffix = last ? 'after-windows' : `before-${kebab(refusedFrom)}`;
  switch (afterTiers.kind) {
    case 'FEE':
      return rule(`preorder-cancellation.${afterTiers.fee.percentBps === 0 ? 'free' : 'fee'}-${suffix}`, `Cancelled ${when}: ${feeText(afterTiers.fee)}.`);
    case 'NO_REFUND':
      return rule(`preorder-cancellation.no-refund-${suffix}`, `Cancelled ${when}: the order is cancelled and nothing is refunded.`);
    case 'REFUSED':
      return rule(`preorder-cancellation.refused-${suffix}`, `Preorders cannot be cancelled ${when}.`);
  }
}

export function refusedFromRule(policy: StorePolicy): Rule {
  const { refusedFrom } = policy.preorderCancellation;
  return rule(`preorder-cancellation.refused-once-${kebab(refusedFrom)}`, `Preorders cannot be cancelled once ${milestoneWords[refusedFrom]}.`);
}

export function preorderStaffRule(): Rule {
  return rule(
    'preorder-cancellation.staff-review',
    'Preorder cancellations are reviewed by our staff and may be refused depending on the product or the status of the order.',
  );
}

function withDownPayment(r: Rule, order: OrderFacts): Rule {
  return order.paid.downPayment > 0 ? rule(r.id, `${r.text} ${downPaymentKept}`) : r;
}

function openTier(policy: StorePolicy, order: OrderFacts, now: Date): CancellationTier | null {
  for (const tier of policy.preorderCancellation.tiers) {
    const start = tier.from === 'ORDER_PLACED' ? order.placedAt : order.depositPaidAt;
    if (!start) continue;
    if (isBefore(now, deadlineAfter(policy, start, tier.within, order.warehouseRegion))) return tier;
  }
  return null;
}

/**
 * A preorder cancellation: an open change right first (free), then the
 * cut-off milestone (refused), then the first open tier, then what applies
 * after the tiers. Staff-decided policies return the same amounts as STAFF_REVIEW.
 */
export function preorderCancellationQuote(policy: StorePolicy, order: OrderFacts, now: Date): Decision<CancellationQuote> {
  const c = policy.preorderCancellation;
  const right = order.openCancellationRight;
  const staff = (q: Decision<CancellationQuote>) => (c.decidedBy === 'STAFF' ? forStaff(q, preorderStaffRule()) : q);
  if (right && now.getTime() < right.closesAt.getTime()) {
    const policyRight = right.reason === 'SPEC_CHANGE' ? policy.changeRights.specChange : policy.changeRights.releaseDateChange;
    if (policyRight.kind === 'CANCELLATION_RIGHT') {
      return allowedQuote(policy, order, cancellationRightRule(policy, right.reason), { downPaymentRefunded: policyRight.refundsDownPayment });
    }
  }
  if (reached(order, c.refusedFrom, now)) return refusedQuote(policy, order, refusedFromRule(policy));
  const tier = openTier(policy, order, now);
  if (tier) return staff(allowedQuote(policy, order, withDownPayment(tierRule(tier), order), { fee: tier.fee }));
  const after = c.afterTiers;
  switch (after.kind) {
    case 'FEE':
      return staff(allowedQuote(policy, order, withDownPayment(afterTiersRule(policy), order), { fee: after.fee }));
    case 'NO_REFUND':
      return staff(allowedQuote(policy, order, afterTiersRule(policy), { forfeitAll: true }));
    case 'REFUSED':
      return refusedQuote(policy, order, afterTiersRule(policy));
  }
}
