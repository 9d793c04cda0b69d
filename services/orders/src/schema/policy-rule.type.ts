import { Field, ObjectType } from 'type-graphql';

@ObjectType('PolicyRule', { description: 'A store-policy rule: a stable id and a sentence a customer can read.' })
export class PolicyRuleType {
  @Field(() => String)
  id!: string;

  @Field(() => String)
  text!: string;

  static of(rule: { id: string; text: string }): PolicyRuleType {
    return Object.assign(new PolicyRuleType(), { id: rule.id, text: rule.text });
  }
}

@ObjectType('PolicySection')
export class PolicySectionType {
  @Field(() => String)
  title!: string;

  @Field(() => [PolicyRuleType])
  rules!: PolicyRuleType[];
}
