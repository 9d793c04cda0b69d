import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { BaseContext } from '@vitrine/platform';
import { ruleIn } from '@vitrine/policy';
import { policyVersion } from '../use-cases/policy-versions.js';
import { ClaimRuleType } from './claim.type.js';
import { policyLanguage, RuleLanguageEnum, ruleLanguageArg, type RuleLanguage } from './rule-language.js';

@Resolver(() => ClaimRuleType)
export class ClaimRuleResolver {
  @FieldResolver(() => String, {
    description: "The sentence in the language asked for: the policy version's wording of the rule; a rule after-sales states itself stays English.",
  })
  async text(
    @Root() rule: ClaimRuleType,
    @Ctx() ctx: BaseContext,
    @Arg('language', () => RuleLanguageEnum, ruleLanguageArg) language: RuleLanguage,
  ): Promise<string> {
    const lang = policyLanguage(language);
    // English is what was decided and stored: no policy to read.
    if (lang === 'en') return rule.text;
    return ruleIn(await policyVersion(ctx.em, rule.policyVersion), rule, lang).text;
  }
}
