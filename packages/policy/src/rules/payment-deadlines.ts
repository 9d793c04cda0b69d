import { deadlineAfter, type Deadline } from '../calendar/deadline.js';
import type { StorePolicy } from '../schema/store-policy.js';
import { rule, type Decision, type Language, type Rule } from './decision.js';
import { durationText, nb, withinFr } from './texts.js';

/** Calling a plan's deadline on a policy that does not offer the plan is a caller's bug (orders judge by the policy version in force). */
function planParams<K extends 'deposit' | 'payOnArrival' | 'chargeAtShip'>(policy: StorePolicy, key: K): NonNullable<StorePolicy['paymentPlans'][K]> {
  const params = policy.paymentPlans[key];
  if (!params) throw new Error(`Store policy ${policy.id} has no ${key} plan.`);
  return params;
}

export function balanceDueRule(policy: StorePolicy, lang: Language = 'en'): Rule {
  const { balanceDue } = planParams(policy, 'deposit');
  return rule(
    'payment.balance-due',
    {
      en: `The balance and shipping are due within ${durationText(balanceDue)} of the release notice.`,
      fr: `Le solde et la livraison sont à payer ${withinFr(balanceDue)} suivant l’avis de sortie.`,
    },
    lang,
  );
}

export function arrivalPaymentRule(policy: StorePolicy, lang: Language = 'en'): Rule {
  const { paymentDue } = planParams(policy, 'payOnArrival');
  return rule(
    'payment.arrival-payment-due',
    { en: `Pay within ${durationText(paymentDue)} of the arrival notice.`, fr: `Payez ${withinFr(paymentDue)} suivant l’avis d’arrivée.` },
    lang,
  );
}

export function chargeAtShipRetryRule(policy: StorePolicy, lang: Language = 'en'): Rule {
  const { paymentErrorGrace, capture } = planParams(policy, 'chargeAtShip');
  const charged =
    capture === 'AT_DISPATCH'
      ? 'The amount is held on the card the day the shipping date is fixed and taken when the parcel leaves'
      : 'The card is charged the day the shipping date is fixed';
  const chargedFr =
    capture === 'AT_DISPATCH'
      ? 'Le montant est réservé sur la carte le jour où la date d’expédition est fixée et prélevé au départ du colis'
      : 'La carte est débitée le jour où la date d’expédition est fixée';
  return rule(
    'payment.charge-at-ship-retry',
    {
      en: `${charged}; if the payment fails, pay within ${durationText(paymentErrorGrace)} of our email or the order is cancelled.`,
      fr: `${chargedFr}${nb}; si le paiement échoue, payez ${withinFr(paymentErrorGrace)} suivant notre e-mail, sinon la commande est annulée.`,
    },
    lang,
  );
}

/** Charge at ship: whether the stored card is charged outright or held until dispatch (PaymentDue's `capture`). */
export function chargeAtShipCapture(policy: StorePolicy): 'AUTOMATIC' | 'AT_DISPATCH' {
  return planParams(policy, 'chargeAtShip').capture === 'AT_DISPATCH' ? 'AT_DISPATCH' : 'AUTOMATIC';
}

export function payAtOrderRule(policy: StorePolicy, lang: Language = 'en'): Rule {
  const within = policy.paymentPlans.payAtOrderWithin;
  return rule(
    'payment.pay-at-order',
    {
      en: `What is due when ordering must be paid within ${durationText(within)}, or the order lapses and its items go back on sale.`,
      fr: `Ce qui est dû à la commande doit être payé ${withinFr(within)}, sinon la commande expire et ses articles sont remis en vente.`,
    },
    lang,
  );
}

/** How long an order holds its units while what is due at order is unpaid. */
export function payAtOrderDueAt(policy: StorePolicy, placedAt: Date, region?: string | null, lang: Language = 'en'): Decision<Deadline> {
  return { ...deadlineAfter(policy, placedAt, policy.paymentPlans.payAtOrderWithin, region), rule: payAtOrderRule(policy, lang) };
}

/** When a deposit order's balance is due, counted from the release (balance) notice. */
export function balanceDueAt(policy: StorePolicy, releasedAt: Date, region?: string | null, lang: Language = 'en'): Decision<Deadline> {
  return { ...deadlineAfter(policy, releasedAt, planParams(policy, 'deposit').balanceDue, region), rule: balanceDueRule(policy, lang) };
}

/** Pay on arrival: when payment is due, counted from the arrival notice. */
export function arrivalPaymentDueAt(policy: StorePolicy, noticeSentAt: Date, region?: string | null, lang: Language = 'en'): Decision<Deadline> {
  return { ...deadlineAfter(policy, noticeSentAt, planParams(policy, 'payOnArrival').paymentDue, region), rule: arrivalPaymentRule(policy, lang) };
}

/** Charge at ship: after a payment error, the last moment to pay before the order is cancelled. */
export function chargeAtShipRetryDeadline(policy: StorePolicy, failedAt: Date, region?: string | null, lang: Language = 'en'): Decision<Deadline> {
  return { ...deadlineAfter(policy, failedAt, planParams(policy, 'chargeAtShip').paymentErrorGrace, region), rule: chargeAtShipRetryRule(policy, lang) };
}
