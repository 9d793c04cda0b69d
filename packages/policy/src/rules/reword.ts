import { paymentPlanKinds, type DecidingRule } from '@vitrine/contracts';
import { claimExclusions, claimGrades, partCategories } from '../schema/claims.js';
import type { StorePolicy } from '../schema/store-policy.js';
import { keepDiscount, exclusionRule } from './claim-resolutions.js';
import { coveredRule } from './claims.js';
import { claimCompensation } from './compensation.js';
import { languages, type Language, type Rule, type Texts } from './decision.js';
import { describePolicy } from './describe.js';
import { noSuggestionRule } from './expiry.js';
import { downPaymentKept } from './preorder-cancellation.js';
import { madeOnDemandRule } from './replacement-parts.js';
import { notDeliveredRule, returnWindowClosedRule } from './returns.js';
import { upfrontRequirement } from './upfront.js';

type Wording = (lang: Language) => Rule;

const keyOf = (r: Rule) => `${r.id}\n${r.text}`;

/** Every rule the policy can state, as the same builder call in each language: the description's, then those only decisions state. */
function wordings(policy: StorePolicy): Wording[] {
  const described = Object.fromEntries(languages.map((lang) => [lang, describePolicy(policy, lang).flatMap((s) => s.rules)])) as Record<Language, Rule[]>;
  const byIndex = described.en.map(
    (_, i): Wording =>
      (lang) =>
        described[lang][i]!,
  );
  // A preorder cancellation rule says so when the order holds a non-refundable down payment.
  const withDownPayment = byIndex
    .filter((w) => w('en').id.startsWith('preorder-cancellation.'))
    .map((w): Wording => (lang) => ({ id: w(lang).id, text: `${w(lang).text} ${downPaymentKept[lang]}` }));
  return [
    ...byIndex,
    ...withDownPayment,
    (lang) => returnWindowClosedRule(policy, lang),
    notDeliveredRule,
    coveredRule,
    madeOnDemandRule,
    noSuggestionRule,
    (lang) => keepDiscount(policy, 0, lang).rule,
    ...claimExclusions.map(
      (e): Wording =>
        (lang) =>
          exclusionRule(e, lang),
    ),
    ...claimGrades.flatMap((g) =>
      partCategories.map(
        (p): Wording =>
          (lang) =>
            claimCompensation(policy, g, p, lang).rule,
      ),
    ),
    ...paymentPlanKinds.map(
      (plan): Wording =>
        (lang) =>
          upfrontRequirement(policy, [], plan, undefined, lang).rule,
    ),
  ];
}

// Pure and deterministic per policy document: worded once per parsed policy (services keep theirs per version).
const catalogues = new WeakMap<StorePolicy, Map<string, Texts>>();

function catalogue(policy: StorePolicy): Map<string, Texts> {
  const known = catalogues.get(policy);
  if (known) return known;
  const built = new Map<string, Texts>();
  for (const word of wordings(policy)) {
    built.set(keyOf(word('en')), Object.fromEntries(languages.map((lang) => [lang, word(lang).text])) as Texts);
  }
  catalogues.set(policy, built);
  return built;
}

/**
 * A rule a service stored (in English, as decided) worded in `lang`: the rule of this policy with the same id whose
 * English is exactly the stored sentence, in that language. Anything else (a rule of another version, a service's own
 * rule) comes back as stored, so a sentence is never swapped for another rule's.
 */
export function ruleIn(policy: StorePolicy, stored: Rule, lang: Language): Rule {
  if (lang === 'en') return stored;
  const texts = catalogue(policy).get(keyOf(stored));
  return texts ? { id: stored.id, text: texts[lang] } : stored;
}

/**
 * A rule decided in English, in every language this policy words it in: what a refusal carries so a storefront shows
 * it in its customer's language. Only English where the rule is not exactly this policy's (as `ruleIn` keeps it).
 */
export function ruleTexts(policy: StorePolicy, decided: Rule): Partial<Texts> & Pick<Texts, 'en'> {
  return catalogue(policy).get(keyOf(decided)) ?? { en: decided.text };
}

/** A decided rule as events carry it: the English the decision stated and the sentence in every language (`ruleTexts`). */
export function decidingRule(policy: StorePolicy, decided: Rule): DecidingRule {
  return { id: decided.id, text: decided.text, texts: ruleTexts(policy, decided) };
}
