import type { StorePolicy } from '../schema/store-policy.js';
import { refusedQuote, type CancellationQuote } from './cancellation-amounts.js';
import { rule, type Decision, type Language, type Rule } from './decision.js';
import { inStockCancellationQuote } from './in-stock-cancellation.js';
import { reached, type OrderFacts } from './order-facts.js';
import { preorderCancellationQuote } from './preorder-cancellation.js';

export type { CancellationQuote };

export function shippedRule(lang: Language = 'en'): Rule {
  return rule(
    'order-cancellation.refused-once-shipped',
    {
      en: 'Orders cannot be cancelled once shipped; see the return policy instead.',
      fr: 'Une commande expédiée ne peut plus être annulée\u00a0; voyez plutôt la politique de retour.',
    },
    lang,
  );
}

/**
 * What cancelling the order now would do, and the rule that decides it. A
 * shipped order is never cancelled (returns apply); otherwise preorders and
 * in-stock orders follow their own part of the policy. `lang` words the rules
 * (the amounts never depend on it).
 */
export function cancellationQuote(policy: StorePolicy, order: OrderFacts, now: Date, lang: Language = 'en'): Decision<CancellationQuote> {
  if (reached(order, 'SHIPPED', now)) return refusedQuote(policy, order, shippedRule(lang));
  return order.kind === 'PREORDER' ? preorderCancellationQuote(policy, order, now, lang) : inStockCancellationQuote(policy, order, now, lang);
}
