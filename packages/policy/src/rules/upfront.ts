import type { PaymentPlanKind } from '@vitrine/contracts';
import type { FlagRequirement } from '../schema/abuse.js';
import type { StorePolicy } from '../schema/store-policy.js';
import { basisPointsMax } from '../schema/units.js';
import { rule, type Decision, type Language, type Rule } from './decision.js';
import { flagLabel, nb, percentText } from './texts.js';

/**
 * What a new preorder must pay at order, as shares of its price (basis
 * points): `payAtOrderBps` in all, of which `nonRefundableBps` is a
 * non-refundable down payment. `refused`: the customer cannot preorder.
 * A product's own down payment (catalog) is added by orders on top.
 */
export interface UpfrontRequirement {
  refused: boolean;
  payAtOrderBps: number;
  nonRefundableBps: number;
}

function planShare(policy: StorePolicy, plan: PaymentPlanKind): number {
  switch (plan) {
    case 'DEPOSIT':
      return policy.paymentPlans.deposit?.percentBps ?? 0;
    case 'FULL_PAYMENT':
      return basisPointsMax;
    case 'PAY_ON_ARRIVAL':
    case 'CHARGE_AT_SHIP':
      return 0;
  }
}

const planWords: Record<PaymentPlanKind, string> = {
  DEPOSIT: 'a deposit',
  FULL_PAYMENT: 'full payment',
  PAY_ON_ARRIVAL: 'pay on arrival',
  CHARGE_AT_SHIP: 'charge at shipping',
};

const planWordsFr: Record<PaymentPlanKind, string> = {
  DEPOSIT: 'acompte',
  FULL_PAYMENT: 'paiement intégral',
  PAY_ON_ARRIVAL: 'paiement à l’arrivée',
  CHARGE_AT_SHIP: 'prélèvement à l’expédition',
};

export function flagRule(flag: string, requires: FlagRequirement, lang: Language = 'en'): Rule {
  const id = `upfront.${flag.toLowerCase().replaceAll('_', '-')}`;
  const who = `Customers flagged for ${flagLabel(flag)}`;
  const whoFr = `Les clients signalés pour «${nb}${flagLabel(flag, 'fr')}${nb}»`;
  switch (requires.kind) {
    case 'NON_REFUNDABLE_DOWN_PAYMENT':
      return rule(
        id,
        {
          en: `${who} pay a non-refundable down payment of ${percentText(requires.percentBps)} of the price when placing a preorder.`,
          fr: `${whoFr} versent une avance non remboursable de ${percentText(requires.percentBps, 'fr')} du prix en passant une précommande.`,
        },
        lang,
      );
    case 'FULL_PAYMENT':
      return rule(id, { en: `${who} pay in full when placing a preorder.`, fr: `${whoFr} paient l’intégralité en passant une précommande.` }, lang);
    case 'NO_PREORDERS':
      return rule(id, { en: `${who} cannot place preorders.`, fr: `${whoFr} ne peuvent pas passer de précommande.` }, lang);
  }
}

/** Refusal beats full payment, which beats any down payment; a larger down payment beats a smaller one. */
function strictness(r: FlagRequirement): number {
  switch (r.kind) {
    case 'NO_PREORDERS':
      return 3 * basisPointsMax;
    case 'FULL_PAYMENT':
      return 2 * basisPointsMax;
    case 'NON_REFUNDABLE_DOWN_PAYMENT':
      return r.percentBps;
  }
}

/**
 * The strictest requirement among the customer's flags decides; with none, the
 * plan's own share (`planShareBps` when the campaign sets its own deposit, the
 * policy's otherwise). A flag never lowers what the plan asks.
 */
export function upfrontRequirement(
  policy: StorePolicy,
  customerFlags: readonly string[],
  plan: PaymentPlanKind,
  planShareBps?: number,
  lang: Language = 'en',
): Decision<UpfrontRequirement> {
  if (!policy.paymentPlans.allowed.includes(plan)) {
    return {
      refused: true,
      payAtOrderBps: 0,
      nonRefundableBps: 0,
      rule: rule(
        'upfront.plan-not-offered',
        { en: `This store does not offer ${planWords[plan]} on preorders.`, fr: `Cette boutique ne propose pas de précommande par ${planWordsFr[plan]}.` },
        lang,
      ),
    };
  }
  const share = planShareBps ?? planShare(policy, plan);
  const rules = policy.abuse.flagRules.filter((r) => customerFlags.includes(r.flag));
  const strictest = [...rules].sort((a, b) => strictness(b.requires) - strictness(a.requires))[0];
  if (!strictest)
    return {
      refused: false,
      payAtOrderBps: share,
      nonRefundableBps: 0,
      rule: rule('upfront.plan', { en: `Preorders are paid with ${planWords[plan]}.`, fr: `Les précommandes se paient par ${planWordsFr[plan]}.` }, lang),
    };
  const r = flagRule(strictest.flag, strictest.requires, lang);
  switch (strictest.requires.kind) {
    case 'NO_PREORDERS':
      return { refused: true, payAtOrderBps: 0, nonRefundableBps: 0, rule: r };
    case 'FULL_PAYMENT':
      return { refused: false, payAtOrderBps: basisPointsMax, nonRefundableBps: 0, rule: r };
    case 'NON_REFUNDABLE_DOWN_PAYMENT':
      return { refused: false, payAtOrderBps: Math.max(share, strictest.requires.percentBps), nonRefundableBps: strictest.requires.percentBps, rule: r };
  }
}
