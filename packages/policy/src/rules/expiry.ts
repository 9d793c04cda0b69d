import { deadlineAfter, isBefore } from '../calendar/deadline.js';
import type { StorePolicy } from '../schema/store-policy.js';
import { rule, type Decision, type Rule } from './decision.js';
import { assertCurrency, money, type Money } from './money.js';
import { totalPaid, type OrderFacts } from './order-facts.js';
import { durationText, flagLabel } from './texts.js';

export interface ExpiryOutcome {
  /** The order is cancelled and its stock released. */
  kept: Money;
  refund: Money;
  countsTowardAbuse: boolean;
}

export function expiryRule(policy: StorePolicy): Rule {
  const e = policy.expiry;
  const kept = [e.depositKept && 'the deposit', e.downPaymentKept && 'a non-refundable down payment'].filter(Boolean).join(' and ');
  const what = kept ? `${kept} ${kept.includes(' and ') ? 'are' : 'is'} kept and anything else paid is refunded` : 'anything paid is refunded';
  return rule('expiry.unpaid-at-deadline', `An order still unpaid at its payment deadline is cancelled: ${what}.`);
}

/** What happens to an order left unpaid at its deadline: cancelled, what is kept and refunded, and whether it counts toward the abuse record. */
export function expiryOutcome(policy: StorePolicy, order: OrderFacts): Decision<ExpiryOutcome> {
  assertCurrency(policy.currency, order.currency);
  const e = policy.expiry;
  const kept = (e.depositKept ? order.paid.deposit : 0) + (e.downPaymentKept ? order.paid.downPayment : 0);
  const c = policy.currency;
  return { kept: money(kept, c), refund: money(totalPaid(order) - kept, c), countsTowardAbuse: e.countsTowardAbuse, rule: expiryRule(policy) };
}

export function abuseSuggestionRule(policy: StorePolicy): Rule | null {
  const s = policy.abuse.suggestFlag;
  if (!s) return null;
  return rule(
    'abuse.suggest-flag',
    `Staff consider a ${flagLabel(s.flag)} flag once ${s.afterExpiries} of a customer's orders expire unpaid within ${durationText(s.within)}.`,
  );
}

/** Whether the customer's expired-unpaid orders (their instants) reach the policy's threshold for staff to consider a flag. */
export function abuseFlagSuggested(policy: StorePolicy, expiredAt: readonly Date[], now: Date): Decision<{ suggested: boolean; flag: string | null }> {
  const s = policy.abuse.suggestFlag;
  const r = abuseSuggestionRule(policy);
  if (!s || !r) return { suggested: false, flag: null, rule: rule('abuse.no-suggestion', 'Flags are set by staff only.') };
  const recent = expiredAt.filter((at) => at.getTime() <= now.getTime() && isBefore(now, deadlineAfter(policy, at, s.within)));
  return { suggested: recent.length >= s.afterExpiries, flag: s.flag, rule: r };
}
