import { graphqlEnum } from '@vitrine/platform';
import type { Language } from '@vitrine/policy';

/** The languages store-policy rules are worded in (@vitrine/policy's), as GraphQL names them: the same enum as orders'. */
const ruleLanguages = ['EN', 'FR'] as const satisfies readonly Uppercase<Language>[];
export type RuleLanguage = (typeof ruleLanguages)[number];

export const RuleLanguageEnum = graphqlEnum(ruleLanguages, {
  name: 'RuleLanguage',
  description: "The language a store-policy rule's sentence is worded in: the storefront's languages. Rule ids never change with it.",
  valuesConfig: { EN: { description: 'English.' }, FR: { description: 'French.' } },
});

export const ruleLanguageArg = { defaultValue: 'EN' as const, description: 'The language of the rules’ sentences (English by default).' };

/** The policy package's language for a GraphQL argument. */
export const policyLanguage = (language: RuleLanguage | null | undefined): Language => (language === 'FR' ? 'fr' : 'en');
