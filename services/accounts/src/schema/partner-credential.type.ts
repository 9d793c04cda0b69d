import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { PartnerCredential } from '../store/partner-credential.entity.js';

@ObjectType('PartnerCredential', { description: "A partner application's API credential (the secret is shown once, when created)." })
export class PartnerCredentialType {
  @Field(() => ID, { description: 'The OAuth 2 client id.' })
  clientId!: string;

  @Field(() => ID, { description: "The partner it acts for (notifications' partner id): the subject of its tokens." })
  partnerId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'The back-office scopes its tokens carry.' })
  scopes!: string[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Revoked: no new token; issued ones expire within their lifetime.' })
  revokedAt!: Date | null;

  static from(c: PartnerCredential): PartnerCredentialType {
    return Object.assign(new PartnerCredentialType(), {
      clientId: c.clientId,
      partnerId: c.partnerId,
      name: c.name,
      scopes: c.scopes,
      createdAt: c.createdAt,
      revokedAt: c.revokedAt ?? null,
    });
  }
}

@ObjectType('NewPartnerCredential')
export class NewPartnerCredentialType {
  @Field(() => PartnerCredentialType)
  credential!: PartnerCredentialType;

  @Field(() => String, { description: 'Shown this once; only its hash is kept.' })
  clientSecret!: string;
}

@ObjectType('PartnerToken', { description: 'An access token for a partner application (Authorization: Bearer).' })
export class PartnerTokenType {
  @Field(() => String)
  accessToken!: string;

  @Field(() => Int, { description: 'Seconds until it expires; ask for a new one then.' })
  expiresIn!: number;
}
