import type { StorePolicy } from '../schema/store-policy.js';
import { rule, type Decision, type Language, type Rule } from './decision.js';
import { assertCurrency, clampRefund, money, type Money } from './money.js';

export function returnToSenderRule(policy: StorePolicy, lang: Language = 'en'): Rule {
  return policy.returnToSender.deductRoundTripShipping
    ? rule(
        'return-to-sender.paid-minus-round-trip',
        {
          en: 'A parcel returned because it was not received cancels the order without reshipping; the refund is the amount paid minus the round-trip shipping, and can be nothing.',
          fr: 'Un colis revenu faute d’avoir été reçu annule la commande sans réexpédition\u00a0; le remboursement est le montant payé moins l’aller-retour du transport, et peut être nul.',
        },
        lang,
      )
    : rule(
        'return-to-sender.full-refund',
        {
          en: 'A parcel returned because it was not received cancels the order without reshipping; the amount paid is refunded.',
          fr: 'Un colis revenu faute d’avoir été reçu annule la commande sans réexpédition\u00a0; le montant payé est remboursé.',
        },
        lang,
      );
}

/** The refund when a parcel comes back undelivered: between 0 and what was paid. */
export function returnToSenderRefund(policy: StorePolicy, paid: Money, roundTripShipping: Money, lang: Language = 'en'): Decision<{ refund: Money }> {
  assertCurrency(policy.currency, paid.currency);
  assertCurrency(policy.currency, roundTripShipping.currency);
  const deduction = policy.returnToSender.deductRoundTripShipping ? roundTripShipping.amount : 0;
  return { refund: money(clampRefund(paid.amount - deduction, paid.amount), policy.currency), rule: returnToSenderRule(policy, lang) };
}
