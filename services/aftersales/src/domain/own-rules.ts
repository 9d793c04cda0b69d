import { claimGrades, languages, type ClaimGrade, type Language, type Rule, type Texts } from '@vitrine/policy';

// The rules after-sales states itself, not the store policy: its cap on compensation, how a part was graded, a return
// refused for its condition. Each is worded in every language the policy is, so a French customer reads them in
// French like the policy's own (ClaimRule.text, a refusal's and an event's `texts`).

type Wording = (lang: Language) => Rule;

const own =
  (id: string, texts: Texts): Wording =>
  (lang) => ({ id, text: texts[lang] });

const cap = own('claims.compensation-cap', {
  en: 'Compensation on a line never exceeds what the line paid, less what earlier claims on it refunded.',
  fr: 'Un dédommagement ne dépasse jamais ce que la ligne a payé, moins ce que des réclamations précédentes sur elle ont remboursé.',
});

const notUnused = own('returns.not-in-original-condition', {
  en: 'No refund is made for an item not returned in perfect, unused, original condition.',
  fr: 'Aucun remboursement n’est fait pour un article qui ne revient pas en parfait état d’origine, jamais utilisé.',
});

const gradeFr: Record<ClaimGrade, string> = { LOW: 'faible', MEDIUM: 'moyen', HIGH: 'élevé', STAFF: 'au cas par cas' };

const gradedByStaff = (grade: ClaimGrade) =>
  own('claims.grade-by-staff', {
    en: `Graded ${grade.toLowerCase()} by our staff.`,
    fr: `Dégât classé ${gradeFr[grade]} par notre équipe.`,
  });

const gradedFromChart = (grade: ClaimGrade) =>
  own('claims.grade-from-chart', {
    en: `Graded ${grade.toLowerCase()} by our grading chart for this kind of issue.`,
    fr: `Dégât classé ${gradeFr[grade]} selon notre barème pour ce type de problème.`,
  });

export const capRule: Rule = cap('en');
export const notInOriginalConditionRule: Rule = notUnused('en');
export const gradedByStaffRule = (grade: ClaimGrade): Rule => gradedByStaff(grade)('en');
export const gradedFromChartRule = (grade: ClaimGrade): Rule => gradedFromChart(grade)('en');

const keyOf = (r: Rule) => `${r.id}\n${r.text}`;

const catalogue = new Map<string, Texts>(
  [cap, notUnused, ...claimGrades.flatMap((g) => [gradedByStaff(g), gradedFromChart(g)])].map((word) => [
    keyOf(word('en')),
    Object.fromEntries(languages.map((lang) => [lang, word(lang).text])) as Texts,
  ]),
);

/** One of after-sales' own rules, as stored (English), in every language; null for a rule it does not state (the policy's). */
export function ownRuleTexts(stored: Rule): Texts | null {
  return catalogue.get(keyOf(stored)) ?? null;
}
