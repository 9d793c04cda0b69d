import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** orders' Order (the entity orders owns), which payments adds its money to. */
@ObjectType('Order')
@Directive('@key(fields: "id")')
export class OrderType {
  @Field(() => ID)
  id!: string;

  static of(id: string): OrderType {
    return Object.assign(new OrderType(), { id });
  }
}
