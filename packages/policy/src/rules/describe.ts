import { claimKinds } from '@vitrine/contracts';
import type { StorePolicy } from '../schema/store-policy.js';
import type { DurationRange } from '../schema/units.js';
import { addressChangeRule } from './address-change.js';
import { cancellationRightRule } from './cancellation-rights.js';
import { shippedRule } from './cancellation.js';
import { claimResolutionsRule } from './claim-resolutions.js';
import { claimWindowRule, coverageRules, evidenceRule, exclusionsRule } from './claims.js';
import { rule, type Rule } from './decision.js';
import { abuseSuggestionRule, expiryRule } from './expiry.js';
import { beforeProcessingRule, inStockStaffRule, onceProcessedRule } from './in-stock-cancellation.js';
import { arrivalPaymentRule, balanceDueRule, chargeAtShipRetryRule, payAtOrderRule } from './payment-deadlines.js';
import { afterTiersRule, preorderStaffRule, refusedFromRule, tierRule } from './preorder-cancellation.js';
import { defectRule, preferenceReturnRule } from './returns.js';
import { replacementPartsRule } from './replacement-parts.js';
import { returnToSenderRule } from './return-to-sender.js';
import { percentText, rangeText } from './texts.js';
import { flagRule } from './upfront.js';

export interface PolicySection {
  title: string;
  rules: Rule[];
}

function paymentRules(policy: StorePolicy): Rule[] {
  const p = policy.paymentPlans;
  const rules: Rule[] = [];
  if (p.deposit) {
    const full = p.deposit.fullPaymentAllowed ? ' You may pay in full at order instead (estimated shipping included).' : '';
    rules.push(
      rule('payment.deposit', `Preorders take a deposit of ${percentText(p.deposit.percentBps)} of the price at order.${full}`),
      balanceDueRule(policy),
    );
  }
  if (p.allowed.includes('FULL_PAYMENT')) rules.push(rule('payment.full-payment', 'Preorders sold with full payment are paid in full at order.'));
  if (p.payOnArrival)
    rules.push(
      rule('payment.pay-on-arrival', 'Nothing is paid at order; we email a payment link when the item arrives at our warehouse.'),
      arrivalPaymentRule(policy),
    );
  if (p.chargeAtShip) rules.push(chargeAtShipRetryRule(policy));
  rules.push(payAtOrderRule(policy), expiryRule(policy));
  return rules;
}

function preorderCancellationRules(policy: StorePolicy): Rule[] {
  const c = policy.preorderCancellation;
  return [
    ...(c.decidedBy === 'STAFF' ? [preorderStaffRule()] : []),
    ...c.tiers.map(tierRule),
    afterTiersRule(policy),
    refusedFromRule(policy),
    rule('preorder-cancellation.down-payment-kept', 'A non-refundable down payment is not refunded when you cancel.'),
    cancellationRightRule(policy, 'SPEC_CHANGE'),
    cancellationRightRule(policy, 'RELEASE_DATE_CHANGE'),
  ];
}

function inStockCancellationRules(policy: StorePolicy): Rule[] {
  return [
    ...(policy.inStockCancellation.decidedBy === 'STAFF' ? [inStockStaffRule()] : []),
    beforeProcessingRule(policy),
    onceProcessedRule(policy),
    shippedRule(),
  ];
}

function fulfilmentRules(policy: StorePolicy): Rule[] {
  const f = policy.fulfilment;
  const line = (id: string, range: DurationRange | null, text: (r: string) => string) => (range ? [rule(`fulfilment.${id}`, text(rangeText(range)))] : []);
  return [
    ...line('in-stock-handover', f.inStock.handover, (r) => `In-stock orders leave for shipping within ${r} after payment.`),
    ...line('in-stock-quote', f.inStock.shippingQuote, (r) => `The final shipping cost is confirmed within ${r}.`),
    ...line(
      'extra-shipping-dispatch',
      f.inStock.dispatchAfterExtraPayment,
      (r) => `After an extra shipping invoice is paid, the parcel is dispatched within ${r}.`,
    ),
    ...line('preorder-handover', f.preorder.handover, (r) => `Released preorders leave for shipping within ${r} after the last payment.`),
    ...line('preorder-quote', f.preorder.shippingQuote, (r) => `Their shipping quote follows within ${r}.`),
    ...line('preorder-tracking', f.preorder.paymentToTracking, (r) => `From the last payment to the tracking number takes ${r}.`),
  ];
}

/** Every rule of the policy as the customer reads it (for the order page), from the same builders the decisions use. */
export function describePolicy(policy: StorePolicy): PolicySection[] {
  const flags = policy.abuse.flagRules.map((r) => flagRule(r.flag, r.requires));
  const suggestion = abuseSuggestionRule(policy);
  const exclusions = exclusionsRule(policy);
  return [
    { title: 'Payment', rules: paymentRules(policy) },
    { title: 'Cancelling a preorder', rules: preorderCancellationRules(policy) },
    { title: 'Cancelling an in-stock order', rules: inStockCancellationRules(policy) },
    { title: 'Shipping address', rules: [addressChangeRule(policy)] },
    { title: 'Fulfilment', rules: fulfilmentRules(policy) },
    { title: 'Returns', rules: [preferenceReturnRule(policy), defectRule(policy), returnToSenderRule(policy)] },
    {
      title: 'After-sales',
      rules: [
        claimWindowRule(policy),
        evidenceRule(policy),
        ...coverageRules(policy),
        ...(exclusions ? [exclusions] : []),
        ...claimKinds.map((kind) => claimResolutionsRule(policy, kind)),
        // The lead time only matters to a store that sends parts.
        ...(Object.values(policy.claims.resolutions.byKind).some((options) => options.some((o) => o.resolution === 'REPLACEMENT_PART'))
          ? [replacementPartsRule(policy)]
          : []),
      ],
    },
    { title: 'Account standing', rules: [...flags, ...(suggestion ? [suggestion] : [])] },
  ];
}
