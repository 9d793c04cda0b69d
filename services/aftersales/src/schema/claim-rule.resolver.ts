import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { policyLanguage, RuleLanguageEnum, ruleLanguageArg, type BaseContext, type RuleLanguage } from '@vitrine/platform';
import { claimRuleIn } from '../domain/rule-words.js';
import { policyVersion } from '../use-cases/policy-versions.js';
import { ClaimRuleType } from './claim.type.js';

@Resolver(() => ClaimRuleType)
export class ClaimRuleResolver {
  @FieldResolver(() => String, {
    description: "The sentence in the language asked for: the policy version's wording of the rule, or after-sales' own for the rules it states itself.",
  })
  async text(
    @Root() rule: ClaimRuleType,
    @Ctx() ctx: BaseContext,
    @Arg('language', () => RuleLanguageEnum, ruleLanguageArg) language: RuleLanguage,
  ): Promise<string> {
    const lang = policyLanguage(language);
    // English is what was decided and stored: no policy to read.
    if (lang === 'en') return rule.text;
    return claimRuleIn(await policyVersion(ctx.em, rule.policyVersion), rule, lang).text;
  }
}
