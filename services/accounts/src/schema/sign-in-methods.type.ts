import { Field, ID, ObjectType } from 'type-graphql';
import type { SignInMethods } from '../use-cases/sign-in-methods.js';

@ObjectType('LinkedIdentity', { description: 'An external identity (OpenID Connect) bound to the account: signing in with it opens this account.' })
export class LinkedIdentityType {
  @Field(() => ID, { description: 'Pass it to unlinkExternalIdentity.' })
  id!: string;

  @Field(() => String, { description: 'The provider it is at, as configured (OIDC_PROVIDERS), e.g. google.' })
  provider!: string;

  @Field(() => String, {
    nullable: true,
    description: 'How the provider named the person when they last signed in with it (their email there, else their name); null if it gave neither.',
  })
  displayName!: string | null;

  @Field(() => Date, { description: 'When it was bound to this account.' })
  linkedAt!: Date;

  @Field(() => Date, { description: 'When it was last used to sign in (or bound).' })
  lastUsedAt!: Date;
}

@ObjectType('SignInMethods', { description: 'The ways into an account: its password, if it has one, and the external identities bound to it.' })
export class SignInMethodsType {
  @Field(() => Boolean, { description: 'Whether the account has a password (without one: setPassword).' })
  hasPassword!: boolean;

  @Field(() => [LinkedIdentityType], { description: 'Oldest first.' })
  identities!: LinkedIdentityType[];

  static from(methods: SignInMethods): SignInMethodsType {
    return Object.assign(new SignInMethodsType(), {
      hasPassword: methods.hasPassword,
      identities: methods.identities.map((i) =>
        Object.assign(new LinkedIdentityType(), { id: i.id, provider: i.provider, displayName: i.label, linkedAt: i.linkedAt, lastUsedAt: i.lastUsedAt }),
      ),
    });
  }
}

@ObjectType('IdentityLinkTicket', {
  description: 'The proof a customer gave before linking an identity, as a single-use secret for linkExternalIdentity. Keep it secret; it expires.',
})
export class IdentityLinkTicketType {
  @Field(() => String)
  ticket!: string;

  @Field(() => Date)
  expiresAt!: Date;
}
