import type { StorePolicy } from '../schema/store-policy.js';
import { rule, type Decision, type Rule } from './decision.js';
import { reached, type OrderFacts } from './order-facts.js';
import { kebab, milestoneWords } from './texts.js';

export function addressChangeRule(policy: StorePolicy): Rule {
  const until = policy.addressChange.until;
  return rule(`address-change.until-${kebab(until)}`, `The shipping address can be changed until ${milestoneWords[until]}.`);
}

/** Whether the shipping address may still change now. A shipped order's never can. */
export function addressChangeAllowed(policy: StorePolicy, order: OrderFacts, now: Date): Decision<{ allowed: boolean }> {
  const allowed = !reached(order, policy.addressChange.until, now) && !reached(order, 'SHIPPED', now);
  return { allowed, rule: addressChangeRule(policy) };
}
