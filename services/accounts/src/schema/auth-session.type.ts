import { Field, Int, ObjectType } from 'type-graphql';
import type { Session } from '../use-cases/issue-session.js';
import { CustomerType } from './customer.type.js';

@ObjectType('AuthSession', { description: 'What a sign-in or a refresh returns. Keep the refresh token secret: it is a credential.' })
export class AuthSessionType {
  @Field(() => String, { description: 'Bearer token for `Authorization: Bearer ...` (JWT, ES256).' })
  accessToken!: string;

  @Field(() => String, { description: 'Single use: trade it with refreshSession for a new pair before the access token expires.' })
  refreshToken!: string;

  @Field(() => Int, { description: 'Seconds until the access token expires.' })
  expiresIn!: number;

  @Field(() => CustomerType)
  customer!: CustomerType;

  static from(session: Session): AuthSessionType {
    return Object.assign(new AuthSessionType(), {
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      expiresIn: session.expiresIn,
      customer: CustomerType.from(session.customer, { revealPrivate: true }),
    });
  }
}
