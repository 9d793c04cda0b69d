import { Field, ObjectType } from 'type-graphql';
import type { SigningKey } from '../store/signing-key.entity.js';

@ObjectType('SigningKey', { description: 'An access-token signing key (public facts only).' })
export class SigningKeyType {
  @Field(() => String)
  kid!: string;

  @Field(() => String)
  algorithm!: string;

  @Field(() => Date)
  createdAt!: Date;

  static from(key: SigningKey): SigningKeyType {
    return Object.assign(new SigningKeyType(), { kid: key.kid, algorithm: key.algorithm, createdAt: key.createdAt });
  }
}
