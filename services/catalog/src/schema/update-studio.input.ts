import { MaxLength } from '@vitrine/platform';
import { Field, InputType } from 'type-graphql';

@InputType('UpdateStudioInput', { description: 'Fields to change; fields left out (or null) stay as they are.' })
export class UpdateStudioInput {
  @MaxLength(240)
  @Field(() => String, { nullable: true })
  name?: string | null;

  @MaxLength(8)
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code, e.g. JP.' })
  country?: string | null;

  @MaxLength(254)
  @Field(() => String, { nullable: true })
  contactEmail?: string | null;
}
