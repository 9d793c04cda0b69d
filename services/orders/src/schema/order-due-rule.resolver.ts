import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { policyLanguage, RuleLanguageEnum, ruleLanguageArg, type BaseContext, type RuleLanguage } from '@vitrine/platform';
import { dueRuleIn } from '../domain/due-rule.js';
import { policyVersion } from '../use-cases/store-policies.js';
import { OrderDueType } from './order-parts.type.js';

@Resolver(() => OrderDueType)
export class OrderDueRuleResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The rule that set the deadline, in the language asked for.' })
  async rule(
    @Root() due: OrderDueType,
    @Ctx() ctx: BaseContext,
    @Arg('language', () => RuleLanguageEnum, ruleLanguageArg) language: RuleLanguage,
  ): Promise<string | null> {
    const lang = policyLanguage(language);
    // English is what was stored: no policy to read.
    if (lang === 'en' || due.rule === null) return due.rule;
    return dueRuleIn(await policyVersion(ctx.em, due.policyVersion), due.purpose, due.rule, lang);
  }
}
