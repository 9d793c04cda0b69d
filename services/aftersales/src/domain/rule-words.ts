import type { DecidingRule } from '@vitrine/contracts';
import { ruleIn, ruleTexts, type Language, type Rule, type StorePolicy, type Texts } from '@vitrine/policy';
import { ownRuleTexts } from './own-rules.js';

/** A rule after-sales decided or stored, in every language it is worded in: its own rules' words, else the policy's. */
export function claimRuleTexts(policy: StorePolicy, rule: Rule): Partial<Texts> & Pick<Texts, 'en'> {
  return ownRuleTexts(rule) ?? ruleTexts(policy, rule);
}

/** The rule in `lang` (a stored English sentence neither after-sales nor the policy words stays as stored). */
export function claimRuleIn(policy: StorePolicy, rule: Rule, lang: Language): Rule {
  const own = ownRuleTexts(rule);
  return own ? { id: rule.id, text: own[lang] } : ruleIn(policy, rule, lang);
}

/** The rule as after-sales' events carry it: the English decided, and its sentence in every language. */
export function eventRule(policy: StorePolicy, rule: Rule): DecidingRule {
  return { id: rule.id, text: rule.text, texts: claimRuleTexts(policy, rule) };
}
