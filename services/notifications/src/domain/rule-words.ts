import type { DecidingRule } from '@vitrine/contracts';
import type { Language } from './languages.js';

/** A store-policy rule as events carry it (contracts' DecidingRule): `texts` where the producer words it in each language. */
export type EventRule = DecidingRule;

/** What a notice keeps of a rule: its sentence in each language it came in (English always). */
export type RuleWords = Partial<Record<Language, string>> & { en: string };

export const ruleWords = (rule: EventRule): RuleWords => ({ ...rule.texts, en: rule.text });

/**
 * The rule's sentence in the customer's language, else its English. Notices kept before events carried the other
 * languages hold the English sentence alone (a string).
 */
export function ruleSentence(kept: unknown, language: Language): string {
  if (typeof kept === 'string') return kept;
  if (typeof kept !== 'object' || kept === null) return '';
  const words = kept as Record<string, unknown>;
  const sentence = words[language] ?? words.en;
  return typeof sentence === 'string' ? sentence : '';
}
