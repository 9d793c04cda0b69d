import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
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

  @Field(() => [PolicySectionType], { description: 'Every rule in words, by section.' })
  sections!: PolicySectionType[];

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
      sections: describePolicy(policy).map((s) => Object.assign(new PolicySectionType(), { title: s.title, rules: s.rules.map(PolicyRuleType.of) })),
    });
  }
}
