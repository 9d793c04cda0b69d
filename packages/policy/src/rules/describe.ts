import { claimKinds } from '@vitrine/contracts';
import type { StorePolicy } from '../schema/store-policy.js';
import type { DurationRange } from '../schema/units.js';
import { addressChangeRule } from './address-change.js';
import { cancellationRightRule } from './cancellation-rights.js';
import { shippedRule } from './cancellation.js';
import { claimResolutionsRule } from './claim-resolutions.js';
import { claimWindowRule, coverageRules, evidenceRule, exclusionsRule } from './claims.js';
import { rule, type Language, type Rule } from './decision.js';
import { abuseSuggestionRule, expiryRule } from './expiry.js';
import { beforeProcessingRule, inStockStaffRule, onceProcessedRule } from './in-stock-cancellation.js';
import { arrivalPaymentRule, balanceDueRule, chargeAtShipRetryRule, payAtOrderRule } from './payment-deadlines.js';
import { afterTiersRule, downPaymentKeptRule, preorderStaffRule, refusedFromRule, tierRule } from './preorder-cancellation.js';
import { defectRule, preferenceReturnRule } from './returns.js';
import { replacementPartsRule } from './replacement-parts.js';
import { returnToSenderRule } from './return-to-sender.js';
import { nb, percentText, rangeText } from './texts.js';
import { flagRule } from './upfront.js';

export interface PolicySection {
  title: string;
  rules: Rule[];
}

function paymentRules(policy: StorePolicy, lang: Language): Rule[] {
  const p = policy.paymentPlans;
  const rules: Rule[] = [];
  if (p.deposit) {
    const percent = p.deposit.percentBps;
    const full = p.deposit.fullPaymentAllowed ? ' You may pay in full at order instead (estimated shipping included).' : '';
    const fullFr = p.deposit.fullPaymentAllowed ? ' Vous pouvez aussi tout payer à la commande (livraison estimée comprise).' : '';
    rules.push(
      rule(
        'payment.deposit',
        {
          en: `Preorders take a deposit of ${percentText(percent)} of the price at order.${full}`,
          fr: `Les précommandes demandent un acompte de ${percentText(percent, 'fr')} du prix à la commande.${fullFr}`,
        },
        lang,
      ),
      balanceDueRule(policy, lang),
    );
  }
  if (p.allowed.includes('FULL_PAYMENT')) {
    rules.push(
      rule(
        'payment.full-payment',
        {
          en: 'Preorders sold with full payment are paid in full at order.',
          fr: 'Les précommandes vendues en paiement intégral sont payées en entier à la commande.',
        },
        lang,
      ),
    );
  }
  if (p.payOnArrival)
    rules.push(
      rule(
        'payment.pay-on-arrival',
        {
          en: 'Nothing is paid at order; we email a payment link when the item arrives at our warehouse.',
          fr: `Rien n’est payé à la commande${nb}; nous envoyons un lien de paiement par e-mail quand l’article arrive dans notre entrepôt.`,
        },
        lang,
      ),
      arrivalPaymentRule(policy, lang),
    );
  if (p.chargeAtShip) rules.push(chargeAtShipRetryRule(policy, lang));
  rules.push(payAtOrderRule(policy, lang), expiryRule(policy, lang));
  return rules;
}

function preorderCancellationRules(policy: StorePolicy, lang: Language): Rule[] {
  const c = policy.preorderCancellation;
  return [
    ...(c.decidedBy === 'STAFF' ? [preorderStaffRule(lang)] : []),
    ...c.tiers.map((tier) => tierRule(tier, lang)),
    afterTiersRule(policy, lang),
    refusedFromRule(policy, lang),
    downPaymentKeptRule(lang),
    cancellationRightRule(policy, 'SPEC_CHANGE', lang),
    cancellationRightRule(policy, 'RELEASE_DATE_CHANGE', lang),
  ];
}

function inStockCancellationRules(policy: StorePolicy, lang: Language): Rule[] {
  return [
    ...(policy.inStockCancellation.decidedBy === 'STAFF' ? [inStockStaffRule(lang)] : []),
    beforeProcessingRule(policy, lang),
    onceProcessedRule(policy, lang),
    shippedRule(lang),
  ];
}

type RangeTexts = { en: (range: string) => string; fr: (range: string) => string };

function fulfilmentRules(policy: StorePolicy, lang: Language): Rule[] {
  const f = policy.fulfilment;
  const line = (id: string, range: DurationRange | null, text: RangeTexts) =>
    range ? [rule(`fulfilment.${id}`, { en: text.en(rangeText(range)), fr: text.fr(rangeText(range, 'fr')) }, lang)] : [];
  return [
    ...line('in-stock-handover', f.inStock.handover, {
      en: (r) => `In-stock orders leave for shipping within ${r} after payment.`,
      fr: (r) => `Les commandes en stock partent à l’expédition sous ${r} après le paiement.`,
    }),
    ...line('in-stock-quote', f.inStock.shippingQuote, {
      en: (r) => `The final shipping cost is confirmed within ${r}.`,
      fr: (r) => `Le coût final de la livraison est confirmé sous ${r}.`,
    }),
    ...line('extra-shipping-dispatch', f.inStock.dispatchAfterExtraPayment, {
      en: (r) => `After an extra shipping invoice is paid, the parcel is dispatched within ${r}.`,
      fr: (r) => `Une fois une facture de livraison complémentaire payée, le colis part sous ${r}.`,
    }),
    ...line('preorder-handover', f.preorder.handover, {
      en: (r) => `Released preorders leave for shipping within ${r} after the last payment.`,
      fr: (r) => `Les précommandes sorties partent à l’expédition sous ${r} après le dernier paiement.`,
    }),
    ...line('preorder-quote', f.preorder.shippingQuote, {
      en: (r) => `Their shipping quote follows within ${r}.`,
      fr: (r) => `Leur devis de livraison suit sous ${r}.`,
    }),
    ...line('preorder-tracking', f.preorder.paymentToTracking, {
      en: (r) => `From the last payment to the tracking number takes ${r}.`,
      fr: (r) => `Du dernier paiement au numéro de suivi, comptez ${r}.`,
    }),
  ];
}

const sectionTitles: Record<Language, Record<'payment' | 'preorder' | 'inStock' | 'address' | 'fulfilment' | 'returns' | 'afterSales' | 'standing', string>> = {
  en: {
    payment: 'Payment',
    preorder: 'Cancelling a preorder',
    inStock: 'Cancelling an in-stock order',
    address: 'Shipping address',
    fulfilment: 'Fulfilment',
    returns: 'Returns',
    afterSales: 'After-sales',
    standing: 'Account standing',
  },
  fr: {
    payment: 'Paiement',
    preorder: 'Annuler une précommande',
    inStock: 'Annuler une commande en stock',
    address: 'Adresse de livraison',
    fulfilment: 'Préparation et expédition',
    returns: 'Retours',
    afterSales: 'Service après-vente',
    standing: 'Statut du compte',
  },
};

/**
 * Every rule of the policy as the customer reads it (for the order page), from the same builders the decisions use,
 * in the language asked for: the same sections and rule ids in every language.
 */
export function describePolicy(policy: StorePolicy, lang: Language = 'en'): PolicySection[] {
  const flags = policy.abuse.flagRules.map((r) => flagRule(r.flag, r.requires, lang));
  const suggestion = abuseSuggestionRule(policy, lang);
  const exclusions = exclusionsRule(policy, lang);
  const title = sectionTitles[lang];
  return [
    { title: title.payment, rules: paymentRules(policy, lang) },
    { title: title.preorder, rules: preorderCancellationRules(policy, lang) },
    { title: title.inStock, rules: inStockCancellationRules(policy, lang) },
    { title: title.address, rules: [addressChangeRule(policy, lang)] },
    { title: title.fulfilment, rules: fulfilmentRules(policy, lang) },
    { title: title.returns, rules: [preferenceReturnRule(policy, lang), defectRule(policy, lang), returnToSenderRule(policy, lang)] },
    {
      title: title.afterSales,
      rules: [
        claimWindowRule(policy, lang),
        evidenceRule(policy, lang),
        ...coverageRules(policy, lang),
        ...(exclusions ? [exclusions] : []),
        ...claimKinds.map((kind) => claimResolutionsRule(policy, kind, lang)),
        // The lead time only matters to a store that sends parts.
        ...(Object.values(policy.claims.resolutions.byKind).some((options) => options.some((o) => o.resolution === 'REPLACEMENT_PART'))
          ? [replacementPartsRule(policy, lang)]
          : []),
      ],
    },
    { title: title.standing, rules: [...flags, ...(suggestion ? [suggestion] : [])] },
  ];
}
