import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('OrderLineInput')
export class OrderLineInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => Int)
  quantity!: number;
}

@InputType('PlaceOrderInput')
export class PlaceOrderInput {
  @Field(() => [OrderLineInput])
  lines!: OrderLineInput[];
}
