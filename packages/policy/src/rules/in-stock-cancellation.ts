import type { StorePolicy } from '../schema/store-policy.js';
import { allowedQuote, forStaff, refusedQuote, type CancellationQuote } from './cancellation-amounts.js';
import { rule, type Decision, type Language, type Rule } from './decision.js';
import { reached, type OrderFacts } from './order-facts.js';
import { feeText, nb } from './texts.js';

export function beforeProcessingRule(policy: StorePolicy, lang: Language = 'en'): Rule {
  const fee = policy.inStockCancellation.beforeProcessing;
  return rule(
    `in-stock-cancellation.${fee.percentBps === 0 ? 'free' : 'fee'}-before-processing`,
    {
      en: `Cancelled before the order is processed: ${feeText(fee)}.`,
      fr: `Annulation avant le traitement de la commande${nb}: ${feeText(fee, 'fee', 'fr')}.`,
    },
    lang,
  );
}

export function onceProcessedRule(policy: StorePolicy, lang: Language = 'en'): Rule {
  const once = policy.inStockCancellation.onceProcessed;
  return once.kind === 'REFUSED'
    ? rule(
        'in-stock-cancellation.refused-once-processed',
        { en: 'In-stock orders cannot be cancelled once processed.', fr: 'Une commande en stock ne peut plus être annulée une fois traitée.' },
        lang,
      )
    : rule(
        'in-stock-cancellation.fee-once-processed',
        {
          en: `Cancelled once the order is processed: ${feeText(once.fee, 'restocking fee')}.`,
          fr: `Annulation après le traitement de la commande${nb}: ${feeText(once.fee, 'restocking fee', 'fr')}.`,
        },
        lang,
      );
}

export function inStockStaffRule(lang: Language = 'en'): Rule {
  return rule(
    'in-stock-cancellation.staff-review',
    {
      en: 'Cancellations are reviewed by our staff and may be refused depending on the product or the status of the order.',
      fr: 'Les annulations sont examinées par notre équipe et peuvent être refusées selon le produit ou l’état de la commande.',
    },
    lang,
  );
}

/** An in-stock cancellation: the before-processing fee, then the processed rule (a fee or a refusal). */
export function inStockCancellationQuote(policy: StorePolicy, order: OrderFacts, now: Date, lang: Language = 'en'): Decision<CancellationQuote> {
  const c = policy.inStockCancellation;
  const staff = (q: Decision<CancellationQuote>) => (c.decidedBy === 'STAFF' ? forStaff(q, inStockStaffRule(lang)) : q);
  if (!reached(order, 'PROCESSED', now)) return staff(allowedQuote(policy, order, beforeProcessingRule(policy, lang), { fee: c.beforeProcessing }));
  if (c.onceProcessed.kind === 'REFUSED') return refusedQuote(policy, order, onceProcessedRule(policy, lang));
  return staff(allowedQuote(policy, order, onceProcessedRule(policy, lang), { fee: c.onceProcessed.fee }));
}
