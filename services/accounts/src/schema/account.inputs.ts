import { Field, InputType } from 'type-graphql';

@InputType('RegisterInput')
export class RegisterInput {
  @Field(() => String)
  email!: string;

  @Field(() => String, { description: 'Half-width (ASCII) only, no spaces, 8-128 characters, with lowercase, uppercase, digit and symbol.' })
  password!: string;

  @Field(() => String, { description: 'Country of residence, ISO 3166-1 alpha-2 (e.g. JP).' })
  country!: string;

  @Field(() => String)
  displayName!: string;
}

@InputType('UpdateProfileInput')
export class UpdateProfileInput {
  @Field(() => String)
  displayName!: string;
}

@InputType('ExternalIdentityProof', { description: 'A fresh sign-in at a provider bound to the account: an ID token issued in the last 10 minutes.' })
export class ExternalIdentityProof {
  @Field(() => String)
  provider!: string;

  @Field(() => String)
  idToken!: string;
}
