import { deadlineAfter, isBefore, type Deadline } from '../calendar/deadline.js';
import type { StorePolicy } from '../schema/store-policy.js';
import { rule, type Decision, type Language, type Rule } from './decision.js';
import { assertCurrency, clampRefund, money, percentOf, type Money } from './money.js';
import { feeBaseAmount, paidForGoods, type OrderFacts } from './order-facts.js';
import { durationText, feeText, nb, withinFr } from './texts.js';

export type ReturnReason = 'PREFERENCE' | 'DEFECT';

/**
 * REFUND: the return is accepted; `refund` is paid once the item comes back
 * in the required condition. EXCHANGE: a defective item is replaced.
 * AFTER_SALES: a defect goes through an after-sales claim. REFUSED: no return.
 */
export interface ReturnQuote {
  outcome: 'REFUND' | 'EXCHANGE' | 'AFTER_SALES' | 'REFUSED';
  refund: Money;
  restockingFee: Money;
  returnShippingPaidBy: 'CUSTOMER' | 'STORE' | null;
}

export function preferenceReturnRule(policy: StorePolicy, lang: Language = 'en'): Rule {
  const p = policy.returns.preference;
  if (p.kind === 'NOT_ACCEPTED') {
    return rule(
      'returns.no-preference-returns',
      {
        en: 'We do not accept returns or refunds for preference or convenience.',
        fr: 'Nous n’acceptons ni retour ni remboursement par simple préférence ou convenance.',
      },
      lang,
    );
  }
  const condition = p.condition === 'UNUSED_ORIGINAL_CONDITION' ? ', in perfect unused original condition' : '';
  const shipping = `return shipping is paid by ${p.returnShippingPaidBy === 'CUSTOMER' ? 'the customer' : 'us'}, shipping costs are ${p.shippingRefunded ? '' : 'not '}refunded`;
  const conditionFr = p.condition === 'UNUSED_ORIGINAL_CONDITION' ? ', en parfait état d’origine, jamais utilisé' : '';
  const shippingFr = `le port du retour est à la charge ${p.returnShippingPaidBy === 'CUSTOMER' ? 'du client' : 'de la boutique'}, les frais de livraison ${p.shippingRefunded ? 'sont' : 'ne sont pas'} remboursés`;
  const fee =
    p.restockingFee.percentBps === 0 ? 'aucuns frais de remise en stock ne sont retenus' : `${feeText(p.restockingFee, 'restocking fee', 'fr')} sont retenus`;
  return rule(
    'returns.within-window',
    {
      en: `Returns are accepted within ${durationText(p.within)} of delivery${condition}; ${shipping}, and ${feeText(p.restockingFee, 'restocking fee')} is deducted.`,
      fr: `Les retours sont acceptés ${withinFr(p.within)} suivant la livraison${conditionFr}${nb}; ${shippingFr}, et ${fee}.`,
    },
    lang,
  );
}

export function returnWindowClosedRule(policy: StorePolicy, lang: Language = 'en'): Rule {
  const p = policy.returns.preference;
  const within = p.kind === 'WITHIN_WINDOW' ? durationText(p.within) : '';
  const windowFr = p.kind === 'WITHIN_WINDOW' ? durationText(p.within, 'fr') : '';
  return rule(
    'returns.window-closed',
    { en: `The return window of ${within} after delivery has closed.`, fr: `Le délai de retour de ${windowFr} après la livraison est écoulé.` },
    lang,
  );
}

export function defectRule(policy: StorePolicy, lang: Language = 'en'): Rule {
  return policy.returns.defects === 'EXCHANGE'
    ? rule('returns.defect-exchange', { en: 'A defective product is exchanged for a new one.', fr: 'Un produit défectueux est échangé contre un neuf.' }, lang)
    : rule(
        'returns.defect-after-sales',
        {
          en: 'Defects and shipping damage are handled as after-sales claims.',
          fr: 'Les défauts et les dommages de transport sont traités comme des réclamations au service après-vente.',
        },
        lang,
      );
}

export function notDeliveredRule(lang: Language = 'en'): Rule {
  return rule(
    'returns.not-delivered',
    { en: 'A return can be requested once the order is delivered.', fr: 'Un retour peut être demandé une fois la commande livrée.' },
    lang,
  );
}

/**
 * Until when an order delivered at `deliveredAt` may go back for preference:
 * the end of the policy's window counted from the courier's delivery in the
 * region's calendar and time zone (`deadlineAfter`: 000's 7 days end with the
 * 7th local day after the delivery's), or null where the policy takes no such
 * returns. `returnQuote` judges by it, so a shown deadline and a decision
 * never disagree.
 */
export function preferenceReturnDeadline(policy: StorePolicy, deliveredAt: Date, region?: string | null): Deadline | null {
  const p = policy.returns.preference;
  return p.kind === 'WITHIN_WINDOW' ? deadlineAfter(policy, deliveredAt, p.within, region) : null;
}

/** What returning a delivered order now would give, for the customer's reason. */
export function returnQuote(policy: StorePolicy, order: OrderFacts, now: Date, reason: ReturnReason, lang: Language = 'en'): Decision<ReturnQuote> {
  assertCurrency(policy.currency, order.currency);
  const zero = money(0, policy.currency);
  const none = { refund: zero, restockingFee: zero, returnShippingPaidBy: null };
  if (!order.deliveredAt || order.deliveredAt.getTime() > now.getTime()) {
    return { outcome: 'REFUSED', ...none, rule: notDeliveredRule(lang) };
  }
  if (reason === 'DEFECT') return { outcome: policy.returns.defects === 'EXCHANGE' ? 'EXCHANGE' : 'AFTER_SALES', ...none, rule: defectRule(policy, lang) };
  const p = policy.returns.preference;
  const deadline = preferenceReturnDeadline(policy, order.deliveredAt, order.warehouseRegion);
  if (p.kind === 'NOT_ACCEPTED' || !deadline) return { outcome: 'REFUSED', ...none, rule: preferenceReturnRule(policy, lang) };
  if (!isBefore(now, deadline)) {
    return { outcome: 'REFUSED', ...none, rule: returnWindowClosedRule(policy, lang) };
  }
  const refundable = paidForGoods(order) + (p.shippingRefunded ? order.paid.shipping : 0);
  const fee = clampRefund(percentOf(feeBaseAmount(order, p.restockingFee.of), p.restockingFee.percentBps), refundable);
  return {
    outcome: 'REFUND',
    refund: money(refundable - fee, policy.currency),
    restockingFee: money(fee, policy.currency),
    returnShippingPaidBy: p.returnShippingPaidBy,
    rule: preferenceReturnRule(policy, lang),
  };
}
