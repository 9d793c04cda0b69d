import type { ClaimGrade, ClaimIssue, PartCategory } from '../schema/claims.js';
import type { StorePolicy } from '../schema/store-policy.js';
import { rule, type Decision, type Language, type Rule, type Texts } from './decision.js';
import { money, percentOf, type Money } from './money.js';
import { moneyText, nb, percentText } from './texts.js';

const staffDecide = (why: Texts, lang: Language): Rule =>
  rule(
    'claims.compensation-staff-decide',
    { en: `${why.en}: our staff decide the compensation case by case.`, fr: `${why.fr}${nb}: notre équipe fixe le dédommagement au cas par cas.` },
    lang,
  );

/** The grade the policy's chart gives a quality issue (STAFF: staff decide). */
export function gradeForIssue(policy: StorePolicy, issue: ClaimIssue): ClaimGrade {
  return policy.claims.compensation?.issueGrades[issue] ?? 'STAFF';
}

function partLabel(part: PartCategory): string {
  return part.toLowerCase().replaceAll('_', ' ');
}

const partWordsFr: Record<PartCategory, string> = {
  DETACHMENT_ONLY: 'pièce détachée seulement',
  HEAD_SCULPT: 'tête',
  HEAD_SCULPT_SPECIAL: 'tête spéciale',
  JOINED_FIGURE_HARD_PLASTIC: 'figurine articulée en plastique dur',
  SEAMLESS_FIGURE_SILICONE: 'figurine sans jointure en silicone',
  BODY_SPECIAL_DESIGN: 'corps de conception spéciale',
  CLOTHES_SMALL: 'petits vêtements',
  CLOTHES_MIDDLE: 'vêtements moyens',
  CLOTHES_LARGE: 'grands vêtements',
  CLOTHES_SPECIAL_SMALL: 'petits vêtements spéciaux',
  CLOTHES_SPECIAL_MIDDLE: 'vêtements spéciaux moyens',
  CLOTHES_SPECIAL_LARGE: 'grands vêtements spéciaux',
  WEAPON_LARGE: 'grande arme',
  WEAPON_SMALL: 'petite arme',
  SCENE_PROP: 'élément de décor',
  FIGURE_STAND: 'socle',
  FIGURE_STAND_SPECIAL: 'socle spécial',
  PACKAGING_BOX: 'boîte',
};

const gradeWordsFr: Record<Exclude<ClaimGrade, 'STAFF'>, string> = { LOW: 'faible', MEDIUM: 'moyenne', HIGH: 'forte' };

/**
 * A partial refund for a damaged part: the grade's percentage of the part's
 * maximum reimbursement, rounded half up. STAFF_DECIDES where the grade or
 * the part says "depends", or the policy has no compensation table.
 */
export function claimCompensation(
  policy: StorePolicy,
  grade: ClaimGrade,
  part: PartCategory,
  lang: Language = 'en',
): Decision<{ outcome: 'AMOUNT' | 'STAFF_DECIDES'; amount: Money | null }> {
  const table = policy.claims.compensation;
  const staff = (why: Texts) => ({ outcome: 'STAFF_DECIDES' as const, amount: null, rule: staffDecide(why, lang) });
  if (!table) return staff({ en: 'This store has no compensation table', fr: 'Cette boutique n’a pas de barème de dédommagement' });
  if (grade === 'STAFF') return staff({ en: 'This kind of issue is graded case by case', fr: 'Ce type de problème est évalué au cas par cas' });
  const max = table.partMaxReimbursement[part];
  if (max === null)
    return staff({ en: `The ${partLabel(part)} has no fixed reimbursement`, fr: `La pièce «${nb}${partWordsFr[part]}${nb}» n’a pas de remboursement fixe` });
  const bps = table.gradePercentBps[grade];
  return {
    outcome: 'AMOUNT',
    amount: money(percentOf(max, bps), policy.currency),
    rule: rule(
      `claims.compensation-${grade.toLowerCase()}`,
      {
        en: `A ${grade.toLowerCase()}-grade issue is refunded ${percentText(bps)} of the part's maximum reimbursement (${partLabel(part)}: ${moneyText(max, policy.currency)}).`,
        fr: `Un problème de gravité ${gradeWordsFr[grade]} donne droit à ${percentText(bps, 'fr')} du remboursement maximal de la pièce (${partWordsFr[part]}${nb}: ${moneyText(max, policy.currency, 'fr')}).`,
      },
      lang,
    ),
  };
}
