import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Accounts owns Customer; orders adds the customer's orders to it. */
@ObjectType('Customer')
@Directive('@key(fields: "id")')
export class CustomerOrders {
  @Field(() => ID)
  id!: string;

  static of(id: string): CustomerOrders {
    return Object.assign(new CustomerOrders(), { id });
  }
}
