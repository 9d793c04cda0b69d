import { MaxLength } from '@vitrine/platform';
import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType('WarehouseReturnAddress', { description: "Where customers send items back to a warehouse (after-sales tells them); in the warehouse's country." })
export class WarehouseReturnAddressType {
  @Field(() => String, { description: 'The recipient, e.g. "Vitrine Returns".' })
  name!: string;

  @Field(() => String)
  line1!: string;

  @Field(() => String, { nullable: true })
  line2!: string | null;

  @Field(() => String)
  postalCode!: string;

  @Field(() => String)
  city!: string;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => String, { description: "ISO 3166-1 alpha-2: the warehouse's country." })
  country!: string;
}

@InputType('WarehouseReturnAddressInput', {
  description: "Checked as orders checks a shipping address (the same fields and lengths, no phone); the country is the warehouse's.",
})
export class WarehouseReturnAddressInput {
  @MaxLength(120)
  @Field(() => String, { description: 'The recipient, 1-120 characters.' })
  name!: string;

  @MaxLength(200)
  @Field(() => String)
  line1!: string;

  @MaxLength(200)
  @Field(() => String, { nullable: true })
  line2?: string | null;

  @MaxLength(20)
  @Field(() => String)
  postalCode!: string;

  @MaxLength(120)
  @Field(() => String)
  city!: string;

  @MaxLength(120)
  @Field(() => String, { nullable: true })
  region?: string | null;
}
