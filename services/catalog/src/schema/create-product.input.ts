import { Field, InputType, Int } from 'type-graphql';

@InputType('MoneyInput')
export class MoneyInput {
  @Field(() => Int)
  amount!: number;

  @Field(() => String)
  currency!: string;
}

@InputType('CreateProductInput')
export class CreateProductInput {
  @Field(() => String)
  sku!: string;

  @Field(() => String)
  name!: string;

  @Field(() => MoneyInput)
  price!: MoneyInput;

  @Field(() => Int, { description: 'Units available to order.' })
  stock!: number;
}
