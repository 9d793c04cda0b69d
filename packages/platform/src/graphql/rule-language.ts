import { graphqlEnum } from './graphql-enum.js';

// Orders and after-sales both word store-policy rules (@vitrine/policy) in the storefront's languages; one enum, so
// the supergraph composes one RuleLanguage type from both.
const ruleLanguages = ['EN', 'FR'] as const;
export type RuleLanguage = (typeof ruleLanguages)[number];

export const RuleLanguageEnum = graphqlEnum(ruleLanguages, {
  name: 'RuleLanguage',
  description: "The language a store-policy rule's sentence is worded in: the storefront's languages. Rule ids never change with it.",
  valuesConfig: { EN: { description: 'English.' }, FR: { description: 'French.' } },
});

export const ruleLanguageArg = { defaultValue: 'EN' as const, description: 'The language of the rules’ sentences (English by default).' };

/** The policy package's language code for a GraphQL argument (English when absent). */
export const policyLanguage = (language: RuleLanguage | null | undefined): Lowercase<RuleLanguage> => (language === 'FR' ? 'fr' : 'en');
