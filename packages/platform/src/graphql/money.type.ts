import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** Integer minor units plus ISO 4217 currency; a value type every subgraph may return. */
@ObjectType({ description: 'An amount of money in minor units (cents) with its currency.' })
@Directive('@shareable')
export class Money {
  @Field(() => Int, { description: 'Minor units: 1999 with USD is $19.99.' })
  amount!: number;

  @Field(() => String, { description: 'ISO 4217 code, e.g. USD.' })
  currency!: string;

  static of(amount: number, currency: string): Money {
    return Object.assign(new Money(), { amount, currency });
  }
}
