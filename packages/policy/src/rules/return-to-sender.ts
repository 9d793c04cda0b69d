import type { StorePolicy } from '../schema/store-policy.js';
import { rule, type Decision, type Rule } from './decision.js';
import { assertCurrency, clampRefund, money, type Money } from './money.js';

export function returnToSenderRule(policy: StorePolicy): Rule {
  return policy.returnToSender.deductRoundTripShipping
    ? rule(
        'return-to-sender.paid-minus-round-trip',
        'A parcel returned because it was not received cancels the order without reshipping; the refund is the amount paid minus the round-trip shipping, and can be nothing.',
      )
    : rule('return-to-sender.full-refund', 'A parcel returned because it was not received cancels the order without reshipping; the amount paid is refunded.');
}

/** The refund when a parcel comes back undelivered: between 0 and what was paid. */
export function returnToSenderRefund(policy: StorePolicy, paid: Money, roundTripShipping: Money): Decision<{ refund: Money }> {
  assertCurrency(policy.currency, paid.currency);
  assertCurrency(policy.currency, roundTripShipping.currency);
  const deduction = policy.returnToSender.deductRoundTripShipping ? roundTripShipping.amount : 0;
  return { refund: money(clampRefund(paid.amount - deduction, paid.amount), policy.currency), rule: returnToSenderRule(policy) };
}
