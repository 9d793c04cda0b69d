import { Field, InputType } from 'type-graphql';

@InputType('CreateStudioInput')
export class CreateStudioInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code, e.g. JP.' })
  country!: string;

  @Field(() => String)
  contactEmail!: string;
}
