import { MaxLength } from '@vitrine/platform';
import { Field, InputType, Int } from 'type-graphql';

@InputType('MoneyInput')
export class MoneyInput {
  @Field(() => Int)
  amount!: number;

  @MaxLength(8)
  @Field(() => String)
  currency!: string;
}
