import { Field, InputType } from 'type-graphql';

@InputType('UpdateStudioInput', { description: 'Fields to change; fields left out (or null) stay as they are.' })
export class UpdateStudioInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code, e.g. JP.' })
  country?: string | null;

  @Field(() => String, { nullable: true })
  contactEmail?: string | null;
}
