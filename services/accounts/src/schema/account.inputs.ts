import { MaxLength } from '@vitrine/platform';
import { Field, InputType } from 'type-graphql';

@InputType('RegisterInput')
export class RegisterInput {
  @MaxLength(254)
  @Field(() => String)
  email!: string;

  @MaxLength(256)
  @Field(() => String, { description: 'Half-width (ASCII) only, no spaces, 8-128 characters, with lowercase, uppercase, digit and symbol.' })
  password!: string;

  @MaxLength(8)
  @Field(() => String, { description: 'Country of residence, ISO 3166-1 alpha-2 (e.g. JP).' })
  country!: string;

  @MaxLength(200)
  @Field(() => String)
  displayName!: string;
}

@InputType('UpdateProfileInput')
export class UpdateProfileInput {
  @MaxLength(200)
  @Field(() => String)
  displayName!: string;
}

@InputType('ExternalIdentityProof', { description: 'A fresh sign-in at a provider bound to the account: an ID token issued in the last 10 minutes.' })
export class ExternalIdentityProof {
  @MaxLength(64)
  @Field(() => String)
  provider!: string;

  @MaxLength(8192)
  @Field(() => String)
  idToken!: string;
}
