import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Field, ID, Int, ObjectType } from 'type-graphql';
import { policyLanguage, RuleLanguageEnum, ruleLanguageArg, type RuleLanguage } from '@vitrine/platform';
import { describePolicy, type StorePolicy } from '@vitrine/policy';
import type { StorePolicyVersion } from '../store/store-policy-version.entity.js';
import { PolicyRuleType, PolicySectionType } from './policy-rule.type.js';

@ObjectType('StorePolicyVersion', { description: 'A published version of the store policy; orders are judged by the version they were placed under.' })
export class StorePolicyVersionType {
  @Field(() => Int)
  version!: number;

  @Field(() => String)
  policyId!: string;

  @Field(() => String, { nullable: true })
  preset!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Date)
  publishedAt!: Date;

  @Field(() => ID, { nullable: true })
  publishedBy!: string | null;

  /** Not in the schema: the parsed document `sections` words. */
  policy!: StorePolicy;

  @Field(() => [PolicySectionType], { description: 'Every rule in words, by section, in the language asked for (the same sections and rule ids in each).' })
  sections(@Arg('language', () => RuleLanguageEnum, ruleLanguageArg) language: RuleLanguage): PolicySectionType[] {
    return describePolicy(this.policy, policyLanguage(language)).map((s) =>
      Object.assign(new PolicySectionType(), { title: s.title, rules: s.rules.map((r) => PolicyRuleType.of(r)) }),
    );
  }

  @Field(() => GraphQLJSONObject, { description: 'The policy document, as validated.' })
  document!: Record<string, unknown>;

  static from(row: StorePolicyVersion, policy: StorePolicy): StorePolicyVersionType {
    return Object.assign(new StorePolicyVersionType(), {
      version: row.version,
      policyId: row.policyId,
      preset: row.preset ?? null,
      note: row.note ?? null,
      publishedAt: row.publishedAt,
      publishedBy: row.publishedBy ?? null,
      document: row.document,
      policy,
    });
  }
}
