/**
 * Every rule function returns its outcome together with the rule that
 * decided it: a stable `id` (code and analytics switch on it, e.g.
 * `preorder-cancellation.free-within-deposit-window`) and a sentence for the
 * customer built from the policy's own numbers, in the language asked for
 * (English unless told otherwise).
 */
export interface Rule {
  id: string;
  text: string;
}

export type Decision<T> = T & { rule: Rule };

/** The languages a rule's sentence is written in. */
export const languages = ['en', 'fr'] as const;
export type Language = (typeof languages)[number];

/** One sentence in every language: a builder cannot state a rule in English only. */
export type Texts = Record<Language, string>;

export function rule(id: string, texts: Texts, lang: Language = 'en'): Rule {
  return { id, text: texts[lang] };
}
