import { deadlineAfter, type Deadline } from '../calendar/deadline.js';
import type { StorePolicy } from '../schema/store-policy.js';
import { rule, type Decision, type Rule } from './decision.js';
import { durationText } from './texts.js';

/** Calling a plan's deadline on a policy that does not offer the plan is a caller's bug (orders judge by the policy version in force). */
function planParams<K extends 'deposit' | 'payOnArrival' | 'chargeAtShip'>(policy: StorePolicy, key: K): NonNullable<StorePolicy['paymentPlans'][K]> {
  const params = policy.paymentPlans[key];
  if (!params) throw new Error(`Store policy ${policy.id} has no ${key} plan.`);
  return params;
}

export function balanceDueRule(policy: StorePolicy): Rule {
  const { balanceDue } = planParams(policy, 'deposit');
  return rule('payment.balance-due', `The balance and shipping are due within ${durationText(balanceDue)} of the release notice.`);
}

export function arrivalPaymentRule(policy: StorePolicy): Rule {
  const { paymentDue } = planParams(policy, 'payOnArrival');
  return rule('payment.arrival-payment-due', `Pay within ${durationText(paymentDue)} of the arrival notice.`);
}

export function chargeAtShipRetryRule(policy: StorePolicy): Rule {
  const { paymentErrorGrace, capture } = planParams(policy, 'chargeAtShip');
  const charged =
    capture === 'AT_DISPATCH'
      ? 'The amount is held on the card the day the shipping date is fixed and taken when the parcel leaves'
      : 'The card is charged the day the shipping date is fixed';
  return rule(
    'payment.charge-at-ship-retry',
    `${charged}; if the payment fails, pay within ${durationText(paymentErrorGrace)} of our email or the order is cancelled.`,
  );
}

/** Charge at ship: whether the stored card is charged outright or held until dispatch (PaymentDue's `capture`). */
export function chargeAtShipCapture(policy: StorePolicy): 'AUTOMATIC' | 'AT_DISPATCH' {
  return planParams(policy, 'chargeAtShip').capture === 'AT_DISPATCH' ? 'AT_DISPATCH' : 'AUTOMATIC';
}

export function payAtOrderRule(policy: StorePolicy): Rule {
  return rule(
    'payment.pay-at-order',
    `What is due when ordering must be paid within ${durationText(policy.paymentPlans.payAtOrderWithin)}, or the order lapses and its items go back on sale.`,
  );
}

/** How long an order holds its units while what is due at order is unpaid. */
export function payAtOrderDueAt(policy: StorePolicy, placedAt: Date, region?: string | null): Decision<Deadline> {
  return { ...deadlineAfter(policy, placedAt, policy.paymentPlans.payAtOrderWithin, region), rule: payAtOrderRule(policy) };
}

/** When a deposit order's balance is due, counted from the release (balance) notice. */
export function balanceDueAt(policy: StorePolicy, releasedAt: Date, region?: string | null): Decision<Deadline> {
  return { ...deadlineAfter(policy, releasedAt, planParams(policy, 'deposit').balanceDue, region), rule: balanceDueRule(policy) };
}

/** Pay on arrival: when payment is due, counted from the arrival notice. */
export function arrivalPaymentDueAt(policy: StorePolicy, noticeSentAt: Date, region?: string | null): Decision<Deadline> {
  return { ...deadlineAfter(policy, noticeSentAt, planParams(policy, 'payOnArrival').paymentDue, region), rule: arrivalPaymentRule(policy) };
}

/** Charge at ship: after a payment error, the last moment to pay before the order is cancelled. */
export function chargeAtShipRetryDeadline(policy: StorePolicy, failedAt: Date, region?: string | null): Decision<Deadline> {
  return { ...deadlineAfter(policy, failedAt, planParams(policy, 'chargeAtShip').paymentErrorGrace, region), rule: chargeAtShipRetryRule(policy) };
}
