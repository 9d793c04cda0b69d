import { Field, InputType, Int } from 'type-graphql';

@InputType('CreateWarehouseInput')
export class CreateWarehouseInput {
  @Field(() => String, { description: '2-16 letters, digits or dashes, unique (e.g. CN-DG).' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  country!: string;

  @Field(() => Boolean, { description: 'Factory-held stock (CHINA_STOCK).' })
  heldByFactory!: boolean;

  @Field(() => Int, { description: '0 (drawn from first) to 1000.' })
  allocationPriority!: number;
}
