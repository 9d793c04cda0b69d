import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { TextArg, requireCallerId, requireUuid } from '@vitrine/platform';
import { isUuid } from '@vitrine/platform/domain';
import { Staff } from '../identity.js';
import {
  createPartnerCredential,
  credentialNameMaxLength,
  issuePartnerToken,
  listPartnerCredentials,
  revokePartnerCredential,
} from '../use-cases/partner-credentials.js';
import type { AccountsContext } from './accounts-context.js';
import { NewPartnerCredentialType, PartnerCredentialType, PartnerTokenType } from './partner-credential.type.js';

@Resolver()
export class PartnerCredentialsResolver {
  @Staff('partners:write')
  @Mutation(() => NewPartnerCredentialType, {
    description:
      "Staff (partners:write): API credentials for a partner application (notifications' partner id): a client id and a secret returned this once, and the back-office scopes its tokens carry (only logistics:fulfil is grantable to partners; audited).",
  })
  async createPartnerCredential(
    @Ctx() ctx: AccountsContext,
    @Arg('partnerId', () => ID) partnerId: string,
    @TextArg('name', { maxLength: credentialNameMaxLength }) name: string,
    @TextArg('scopes', { maxLength: 64, list: { maxItems: 10 }, nullable: true }) scopes?: string[] | null,
  ): Promise<NewPartnerCredentialType> {
    const actor = requireCallerId(ctx.caller);
    const { credential, secret } = await createPartnerCredential(ctx.em, actor, {
      partnerId: requireUuid(partnerId, 'partnerId', 'partner'),
      name,
      scopes: scopes ?? [],
    });
    return Object.assign(new NewPartnerCredentialType(), { credential: PartnerCredentialType.from(credential), clientSecret: secret });
  }

  @Staff('partners:write')
  @Mutation(() => PartnerCredentialType, {
    description: 'Staff (partners:write): revokes a credential (audited): no new token from it; NOT_FOUND for an unknown client id.',
  })
  async revokePartnerCredential(@Ctx() ctx: AccountsContext, @Arg('clientId', () => ID) clientId: string): Promise<PartnerCredentialType> {
    const actor = requireCallerId(ctx.caller);
    return PartnerCredentialType.from(await revokePartnerCredential(ctx.em, actor, requireUuid(clientId, 'clientId', 'partner credential')));
  }

  @Staff('partners:write')
  @Query(() => [PartnerCredentialType], { description: "Staff (partners:write): credentials, newest first (a partner's, or every one)." })
  async partnerCredentials(
    @Ctx() ctx: AccountsContext,
    @Arg('partnerId', () => ID, { nullable: true }) partnerId?: string | null,
  ): Promise<PartnerCredentialType[]> {
    const id = partnerId ? requireUuid(partnerId, 'partnerId', 'partner') : null;
    return (await listPartnerCredentials(ctx.em, id)).map((c) => PartnerCredentialType.from(c));
  }

  @Mutation(() => PartnerTokenType, {
    description:
      'OAuth 2 client credentials for partner applications: a client id and secret for a short-lived access token (UNAUTHENTICATED "The client id or secret is incorrect." otherwise, whichever half was wrong).',
  })
  async issuePartnerToken(
    @Ctx() ctx: AccountsContext,
    @TextArg('clientId', { maxLength: 64 }) clientId: string,
    @TextArg('clientSecret', { maxLength: 128 }) clientSecret: string,
  ): Promise<PartnerTokenType> {
    const token = await issuePartnerToken(ctx.em, ctx.accounts, isUuid(clientId) ? clientId.toLowerCase() : null, clientSecret);
    return Object.assign(new PartnerTokenType(), token);
  }
}
