import type { StorePolicy } from '../schema/store-policy.js';
import { rule, type Decision, type Language, type Rule } from './decision.js';
import { reached, type OrderFacts } from './order-facts.js';
import { kebab, milestoneWords, milestoneWordsFr } from './texts.js';

export function addressChangeRule(policy: StorePolicy, lang: Language = 'en'): Rule {
  const until = policy.addressChange.until;
  return rule(
    `address-change.until-${kebab(until)}`,
    {
      en: `The shipping address can be changed until ${milestoneWords[until]}.`,
      fr: `L’adresse de livraison peut être modifiée avant ${milestoneWordsFr[until]}.`,
    },
    lang,
  );
}

/** Whether the shipping address may still change now. A shipped order's never can. */
export function addressChangeAllowed(policy: StorePolicy, order: OrderFacts, now: Date, lang: Language = 'en'): Decision<{ allowed: boolean }> {
  const allowed = !reached(order, policy.addressChange.until, now) && !reached(order, 'SHIPPED', now);
  return { allowed, rule: addressChangeRule(policy, lang) };
}
