import { MaxLength } from '@vitrine/platform';
import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType('ShippingAddress')
export class ShippingAddressType {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  line1!: string;

  @Field(() => String, { nullable: true })
  line2!: string | null;

  @Field(() => String)
  city!: string;

  @Field(() => String)
  postalCode!: string;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2; your account region.' })
  country!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}

@InputType('ShippingAddressInput')
export class ShippingAddressInput {
  @Field(() => String)
  @MaxLength(120)
  name!: string;

  @Field(() => String)
  @MaxLength(200)
  line1!: string;

  @Field(() => String, { nullable: true })
  @MaxLength(200)
  line2?: string | null;

  @Field(() => String)
  @MaxLength(120)
  city!: string;

  @Field(() => String)
  @MaxLength(20)
  postalCode!: string;

  @Field(() => String, { nullable: true })
  @MaxLength(120)
  region?: string | null;

  @Field(() => String)
  @MaxLength(2)
  country!: string;

  @Field(() => String, { nullable: true })
  @MaxLength(40)
  phone?: string | null;
}
