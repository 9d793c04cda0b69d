import { deadlineAfter, isBefore } from '../calendar/deadline.js';
import type { StorePolicy } from '../schema/store-policy.js';
import { rule, type Decision, type Language, type Rule } from './decision.js';
import { assertCurrency, money, type Money } from './money.js';
import { totalPaid, type OrderFacts } from './order-facts.js';
import { durationText, flagLabel, nb } from './texts.js';

export interface ExpiryOutcome {
  /** The order is cancelled and its stock released. */
  kept: Money;
  refund: Money;
  countsTowardAbuse: boolean;
}

export function expiryRule(policy: StorePolicy, lang: Language = 'en'): Rule {
  const e = policy.expiry;
  const kept = [e.depositKept && 'the deposit', e.downPaymentKept && 'a non-refundable down payment'].filter(Boolean).join(' and ');
  const what = kept ? `${kept} ${kept.includes(' and ') ? 'are' : 'is'} kept and anything else paid is refunded` : 'anything paid is refunded';
  const keptFr = [e.depositKept && 'l’acompte', e.downPaymentKept && 'une avance non remboursable'].filter(Boolean);
  const whatFr = keptFr.length
    ? `${keptFr.join(' et ')} ${keptFr.length > 1 ? 'sont conservés' : 'est conservé'}${e.downPaymentKept && !e.depositKept ? 'e' : ''}, le reste de ce qui a été payé est remboursé`
    : 'tout ce qui a été payé est remboursé';
  return rule(
    'expiry.unpaid-at-deadline',
    {
      en: `An order still unpaid at its payment deadline is cancelled: ${what}.`,
      fr: `Une commande toujours impayée à son échéance est annulée${nb}: ${whatFr}.`,
    },
    lang,
  );
}

/** What happens to an order left unpaid at its deadline: cancelled, what is kept and refunded, and whether it counts toward the abuse record. */
export function expiryOutcome(policy: StorePolicy, order: OrderFacts, lang: Language = 'en'): Decision<ExpiryOutcome> {
  assertCurrency(policy.currency, order.currency);
  const e = policy.expiry;
  const kept = (e.depositKept ? order.paid.deposit : 0) + (e.downPaymentKept ? order.paid.downPayment : 0);
  const c = policy.currency;
  return { kept: money(kept, c), refund: money(totalPaid(order) - kept, c), countsTowardAbuse: e.countsTowardAbuse, rule: expiryRule(policy, lang) };
}

export function abuseSuggestionRule(policy: StorePolicy, lang: Language = 'en'): Rule | null {
  const s = policy.abuse.suggestFlag;
  if (!s) return null;
  return rule(
    'abuse.suggest-flag',
    {
      en: `Staff consider a ${flagLabel(s.flag)} flag once ${s.afterExpiries} of a customer's orders expire unpaid within ${durationText(s.within)}.`,
      fr: `Notre équipe envisage le signalement «${nb}${flagLabel(s.flag, 'fr')}${nb}» dès que ${s.afterExpiries} commandes d’un client expirent impayées en ${durationText(s.within, 'fr')}.`,
    },
    lang,
  );
}

export function noSuggestionRule(lang: Language = 'en'): Rule {
  return rule('abuse.no-suggestion', { en: 'Flags are set by staff only.', fr: 'Seule notre équipe pose les signalements.' }, lang);
}

/** Whether the customer's expired-unpaid orders (their instants) reach the policy's threshold for staff to consider a flag. */
export function abuseFlagSuggested(
  policy: StorePolicy,
  expiredAt: readonly Date[],
  now: Date,
  lang: Language = 'en',
): Decision<{ suggested: boolean; flag: string | null }> {
  const s = policy.abuse.suggestFlag;
  const r = abuseSuggestionRule(policy, lang);
  if (!s || !r) return { suggested: false, flag: null, rule: noSuggestionRule(lang) };
  const recent = expiredAt.filter((at) => at.getTime() <= now.getTime() && isBefore(now, deadlineAfter(policy, at, s.within)));
  return { suggested: recent.length >= s.afterExpiries, flag: s.flag, rule: r };
}
