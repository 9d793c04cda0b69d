import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { keyStatusAt, type KeyStatus } from '../domain/published-keys.js';
import type { SigningKey } from '../store/signing-key.entity.js';

export const SigningKeyStatus = { PENDING: 'PENDING', ACTIVE: 'ACTIVE', RETIRED: 'RETIRED' } as const satisfies Record<KeyStatus, KeyStatus>;
registerEnumType(SigningKeyStatus, {
  name: 'SigningKeyStatus',
  valuesConfig: {
    PENDING: { description: 'Published in the JWKS, not signing yet (until activatesAt).' },
    ACTIVE: { description: 'Signs new access tokens.' },
    RETIRED: { description: 'No longer signs; stays in the JWKS for one access-token lifetime plus a margin after retiredAt.' },
  },
});

@ObjectType('SigningKey', { description: 'An access-token signing key (public facts only).' })
export class SigningKeyType {
  @Field(() => String)
  kid!: string;

  @Field(() => String)
  algorithm!: string;

  @Field(() => Date, { description: 'When it was created and published in the JWKS.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it starts (started) signing access tokens.' })
  activatesAt!: Date;

  @Field(() => Date, { nullable: true, description: "When it stops (stopped) signing: its successor's activatesAt. Null while no successor is scheduled." })
  retiredAt!: Date | null;

  @Field(() => SigningKeyStatus)
  status!: KeyStatus;

  static from(key: Pick<SigningKey, 'kid' | 'algorithm' | 'createdAt' | 'activatesAt' | 'retiredAt'>, now = new Date()): SigningKeyType {
    return Object.assign(new SigningKeyType(), {
      kid: key.kid,
      algorithm: key.algorithm,
      createdAt: key.createdAt,
      activatesAt: key.activatesAt,
      retiredAt: key.retiredAt ?? null,
      status: keyStatusAt(key, now),
    });
  }
}
