import { Field, InputType, Int } from 'type-graphql';

@InputType('MoneyInput')
export class MoneyInput {
  @Field(() => Int)
  amount!: number;

  @Field(() => String)
  currency!: string;
}
