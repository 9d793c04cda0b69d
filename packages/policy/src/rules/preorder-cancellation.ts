import { deadlineAfter, isBefore } from '../calendar/deadline.js';
import type { CancellationTier } from '../schema/cancellation.js';
import type { StorePolicy } from '../schema/store-policy.js';
import { cancellationRightRule } from './cancellation-rights.js';
import { allowedQuote, forStaff, refusedQuote, type CancellationQuote } from './cancellation-amounts.js';
import { rule, type Decision, type Language, type Rule, type Texts } from './decision.js';
import { reached, type OrderFacts } from './order-facts.js';
import { durationText, feeText, kebab, milestoneWords, milestoneWordsFr, nb, withinFr } from './texts.js';

const anchorWords: Record<CancellationTier['from'], string> = { ORDER_PLACED: 'placing the order', DEPOSIT_PAID: 'paying the deposit' };
const anchorWordsFr: Record<CancellationTier['from'], string> = { ORDER_PLACED: 'la commande', DEPOSIT_PAID: 'le paiement de l’acompte' };

/** Said after a cancellation rule when the order holds a non-refundable down payment. */
export const downPaymentKept: Texts = { en: 'The non-refundable down payment is kept.', fr: 'L’avance non remboursable est conservée.' };

export function tierRule(tier: CancellationTier, lang: Language = 'en'): Rule {
  return rule(
    `preorder-cancellation.${tier.id}`,
    {
      en: `Cancelled within ${durationText(tier.within)} of ${anchorWords[tier.from]}: ${feeText(tier.fee)}.`,
      fr: `Annulation ${withinFr(tier.within)} suivant ${anchorWordsFr[tier.from]}${nb}: ${feeText(tier.fee, 'fee', 'fr')}.`,
    },
    lang,
  );
}

/** What applies once every tier has closed (or always, for a policy without tiers). */
export function afterTiersRule(policy: StorePolicy, lang: Language = 'en'): Rule {
  const { tiers, afterTiers, refusedFrom } = policy.preorderCancellation;
  const last = tiers.at(-1);
  const when = last ? `more than ${durationText(last.within)} after ${anchorWords[last.from]}` : `before ${milestoneWords[refusedFrom]}`;
  const whenFr = last ? `plus de ${durationText(last.within, 'fr')} après ${anchorWordsFr[last.from]}` : `avant ${milestoneWordsFr[refusedFrom]}`;
  const suffix = last ? 'after-windows' : `before-${kebab(refusedFrom)}`;
  switch (afterTiers.kind) {
    case 'FEE':
      return rule(
        `preorder-cancellation.${afterTiers.fee.percentBps === 0 ? 'free' : 'fee'}-${suffix}`,
        { en: `Cancelled ${when}: ${feeText(afterTiers.fee)}.`, fr: `Annulation ${whenFr}${nb}: ${feeText(afterTiers.fee, 'fee', 'fr')}.` },
        lang,
      );
    case 'NO_REFUND':
      return rule(
        `preorder-cancellation.no-refund-${suffix}`,
        {
          en: `Cancelled ${when}: the order is cancelled and nothing is refunded.`,
          fr: `Annulation ${whenFr}${nb}: la commande est annulée et rien n’est remboursé.`,
        },
        lang,
      );
    case 'REFUSED':
      return rule(
        `preorder-cancellation.refused-${suffix}`,
        { en: `Preorders cannot be cancelled ${when}.`, fr: `Les précommandes ne peuvent pas être annulées ${whenFr}.` },
        lang,
      );
  }
}

export function refusedFromRule(policy: StorePolicy, lang: Language = 'en'): Rule {
  const { refusedFrom } = policy.preorderCancellation;
  return rule(
    `preorder-cancellation.refused-once-${kebab(refusedFrom)}`,
    {
      en: `Preorders cannot be cancelled once ${milestoneWords[refusedFrom]}.`,
      fr: `Les précommandes ne peuvent plus être annulées dès ${milestoneWordsFr[refusedFrom]}.`,
    },
    lang,
  );
}

export function preorderStaffRule(lang: Language = 'en'): Rule {
  return rule(
    'preorder-cancellation.staff-review',
    {
      en: 'Preorder cancellations are reviewed by our staff and may be refused depending on the product or the status of the order.',
      fr: 'Les annulations de précommandes sont examinées par notre équipe et peuvent être refusées selon le produit ou l’état de la commande.',
    },
    lang,
  );
}

export function downPaymentKeptRule(lang: Language = 'en'): Rule {
  return rule(
    'preorder-cancellation.down-payment-kept',
    { en: 'A non-refundable down payment is not refunded when you cancel.', fr: 'Une avance non remboursable n’est pas remboursée en cas d’annulation.' },
    lang,
  );
}

function withDownPayment(r: Rule, order: OrderFacts, lang: Language): Rule {
  return order.paid.downPayment > 0 ? { id: r.id, text: `${r.text} ${downPaymentKept[lang]}` } : r;
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
export function preorderCancellationQuote(policy: StorePolicy, order: OrderFacts, now: Date, lang: Language = 'en'): Decision<CancellationQuote> {
  const c = policy.preorderCancellation;
  const right = order.openCancellationRight;
  const staff = (q: Decision<CancellationQuote>) => (c.decidedBy === 'STAFF' ? forStaff(q, preorderStaffRule(lang)) : q);
  if (right && now.getTime() < right.closesAt.getTime()) {
    const policyRight = right.reason === 'SPEC_CHANGE' ? policy.changeRights.specChange : policy.changeRights.releaseDateChange;
    if (policyRight.kind === 'CANCELLATION_RIGHT') {
      return allowedQuote(policy, order, cancellationRightRule(policy, right.reason, lang), { downPaymentRefunded: policyRight.refundsDownPayment });
    }
  }
  if (reached(order, c.refusedFrom, now)) return refusedQuote(policy, order, refusedFromRule(policy, lang));
  const tier = openTier(policy, order, now);
  if (tier) return staff(allowedQuote(policy, order, withDownPayment(tierRule(tier, lang), order, lang), { fee: tier.fee }));
  const after = c.afterTiers;
  switch (after.kind) {
    case 'FEE':
      return staff(allowedQuote(policy, order, withDownPayment(afterTiersRule(policy, lang), order, lang), { fee: after.fee }));
    case 'NO_REFUND':
      return staff(allowedQuote(policy, order, afterTiersRule(policy, lang), { forfeitAll: true }));
    case 'REFUSED':
      return refusedQuote(policy, order, afterTiersRule(policy, lang));
  }
}
