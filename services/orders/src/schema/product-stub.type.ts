import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The catalog owns Product; orders only refers to it by id and lets the gateway fetch the rest. */
@ObjectType('Product')
@Directive('@key(fields: "id", resolvable: false)')
export class ProductRef {
  @Field(() => ID)
  id!: string;
}
