import { TextArg } from '@vitrine/platform';
import { Ctx, Mutation, Resolver } from 'type-graphql';
import { loginWithExternalIdentity } from '../use-cases/login-with-external-identity.js';
import type { AccountsContext } from './accounts-context.js';
import { AuthSessionType } from './auth-session.type.js';

@Resolver()
export class ExternalIdentityResolver {
  @Mutation(() => AuthSessionType, {
    description:
      'Signs in with an OpenID Connect ID token the storefront obtained from a configured provider (e.g. google). The first sign-in links the account with the same verified email, or creates one: then `country` is required (BAD_USER_INPUT otherwise). An account bound only to an external identity cannot be recovered if that identity is lost.',
  })
  async loginWithExternalIdentity(
    @Ctx() ctx: AccountsContext,
    @TextArg('provider', { maxLength: 64 }) provider: string,
    @TextArg('idToken', { maxLength: 8192 }) idToken: string,
    @TextArg('country', {
      maxLength: 8,
      nullable: true,
      description: 'Country of residence (ISO 3166-1 alpha-2), needed when this sign-in creates the account.',
    })
    country?: string | null,
  ): Promise<AuthSessionType> {
    return AuthSessionType.from(await loginWithExternalIdentity(ctx.em, ctx.accounts, { provider, idToken, country }));
  }
}
