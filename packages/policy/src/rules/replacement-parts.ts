import { deadlineAfter } from '../calendar/deadline.js';
import type { LocalDate } from '../calendar/local-date.js';
import type { StorePolicy } from '../schema/store-policy.js';
import type { DurationRange } from '../schema/units.js';
import { rule, type Decision, type Language, type Rule } from './decision.js';
import { nb, rangeText } from './texts.js';

/**
 * WINDOW: the part should reach the customer between `earliest` and `latest`
 * (local days, the store's default region). MADE_ON_DEMAND: the studio has
 * none, the factory makes it on its own schedule. NO_ESTIMATE: the policy
 * promises no lead time.
 */
export interface ReplacementLeadTime {
  outcome: 'WINDOW' | 'MADE_ON_DEMAND' | 'NO_ESTIMATE';
  earliest: LocalDate | null;
  latest: LocalDate | null;
}

export function replacementPartsRule(policy: StorePolicy, lang: Language = 'en'): Rule {
  const lead = policy.claims.replacementParts;
  if (!lead) {
    return rule(
      'claims.replacement-no-estimate',
      { en: 'Our staff tell you when a replacement part is expected.', fr: 'Notre équipe vous indique quand une pièce de rechange est attendue.' },
      lang,
    );
  }
  const { toWarehouse, shipping } = lead.inStockAtStudio;
  return rule(
    'claims.replacement-lead-time',
    {
      en: `When the studio has the part, it reaches our warehouse in ${rangeText(toWarehouse)}, then shipping takes ${rangeText(shipping)}; otherwise the factory makes it on demand, on its own schedule.`,
      fr: `Quand le studio a la pièce, elle arrive dans notre entrepôt en ${rangeText(toWarehouse, 'fr')}, puis la livraison prend ${rangeText(shipping, 'fr')}${nb}; sinon l’usine la fabrique à la demande, selon son propre calendrier.`,
    },
    lang,
  );
}

export function madeOnDemandRule(lang: Language = 'en'): Rule {
  return rule(
    'claims.replacement-made-on-demand',
    {
      en: 'The studio has no spare part: the factory makes it on demand, on its own production schedule, so there is no date yet.',
      fr: `Le studio n’a pas de pièce de rechange${nb}: l’usine la fabrique à la demande, selon son propre calendrier de production, il n’y a donc pas encore de date.`,
    },
    lang,
  );
}

/** The local day after both legs, each taken at its shortest or longest; a leg of 0 adds nothing. */
function dayAfter(policy: StorePolicy, now: Date, legs: { amount: number; unit: DurationRange['unit'] }[]): LocalDate {
  let at = now;
  let day: LocalDate | null = null;
  for (const leg of legs) {
    if (leg.amount === 0) continue;
    const end = deadlineAfter(policy, at, leg);
    day = end.lastDay;
    // The next leg starts within the day this one ends on.
    at = new Date(end.at.getTime() - 1);
  }
  return day ?? deadlineAfter(policy, now, { amount: 1, unit: 'HOURS' }).lastDay;
}

/**
 * When a replacement part should reach the customer, counted from `now` on
 * the store's clock: the studio's stock to our warehouse, then shipping, each
 * at its shortest for `earliest` and its longest for `latest` (002: 1-2 weeks
 * plus 15-70 days). A part the studio lacks is made on demand: no window.
 */
export function replacementLeadTime(policy: StorePolicy, studioHasPart: boolean, now: Date, lang: Language = 'en'): Decision<ReplacementLeadTime> {
  const lead = policy.claims.replacementParts;
  if (!lead) return { outcome: 'NO_ESTIMATE', earliest: null, latest: null, rule: replacementPartsRule(policy, lang) };
  if (!studioHasPart) return { outcome: 'MADE_ON_DEMAND', earliest: null, latest: null, rule: madeOnDemandRule(lang) };
  const { toWarehouse: w, shipping: s } = lead.inStockAtStudio;
  return {
    outcome: 'WINDOW',
    earliest: dayAfter(policy, now, [
      { amount: w.min, unit: w.unit },
      { amount: s.min, unit: s.unit },
    ]),
    latest: dayAfter(policy, now, [
      { amount: w.max, unit: w.unit },
      { amount: s.max, unit: s.unit },
    ]),
    rule: replacementPartsRule(policy, lang),
  };
}
