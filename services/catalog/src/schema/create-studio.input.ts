import { MaxLength } from '@vitrine/platform';
import { Field, InputType } from 'type-graphql';

@InputType('CreateStudioInput')
export class CreateStudioInput {
  @MaxLength(240)
  @Field(() => String)
  name!: string;

  @MaxLength(8)
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code, e.g. JP.' })
  country!: string;

  @MaxLength(254)
  @Field(() => String)
  contactEmail!: string;
}
