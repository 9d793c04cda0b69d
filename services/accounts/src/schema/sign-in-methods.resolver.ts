import { Forbidden, TextArg, requireCallerId, requireUuid } from '@vitrine/platform';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { changeEmailInput } from '../use-cases/change-email.js';
import { setPassword } from '../use-cases/set-password.js';
import { beginIdentityLink, linkIdentity, readSignInMethods, unlinkIdentity } from '../use-cases/sign-in-methods.js';
import type { AccountsContext } from './accounts-context.js';
import { ExternalIdentityProof } from './account.inputs.js';
import { AuthSessionType } from './auth-session.type.js';
import { CustomerType } from './customer.type.js';
import { IdentityLinkTicketType, SignInMethodsType } from './sign-in-methods.type.js';

/** The customer's own ways in: read them, link and unlink external identities, set a first password. */
@Resolver(() => CustomerType)
export class SignInMethodsResolver {
  @FieldResolver(() => SignInMethodsType, {
    description: 'How this customer signs in. Only the customer themself may read it (not staff): FORBIDDEN otherwise.',
  })
  async signInMethods(@Root() customer: CustomerType, @Ctx() ctx: AccountsContext): Promise<SignInMethodsType> {
    // The customer themself, or the answer to their own sign-in (no token yet); staff reading a customer are not them.
    const callerId = ctx.caller.id;
    if (callerId !== customer.id && !(customer.revealPrivate && callerId === null)) {
      throw new Forbidden('Only the customer can see how they sign in.');
    }
    return SignInMethodsType.from(await readSignInMethods(ctx.em, customer.id));
  }

  @Mutation(() => IdentityLinkTicketType, {
    description:
      'Step 1 of linking an external identity to the signed-in account: the password again (or a fresh sign-in with an identity already bound) gives a ticket, valid 10 minutes and once, for linkExternalIdentity.',
  })
  async beginExternalIdentityLink(
    @Ctx() ctx: AccountsContext,
    @TextArg('password', { maxLength: 256, nullable: true, description: 'Your password. Accounts without one confirm with externalIdentity instead.' })
    password?: string | null,
    @Arg('externalIdentity', () => ExternalIdentityProof, { nullable: true }) externalIdentity?: ExternalIdentityProof | null,
  ): Promise<IdentityLinkTicketType> {
    const command = { customerId: requireCallerId(ctx.caller), proof: changeEmailInput(password, externalIdentity), clientAddress: ctx.clientAddress };
    const { token, expiresAt } = await beginIdentityLink(ctx.em, ctx.accounts, command);
    return Object.assign(new IdentityLinkTicketType(), { ticket: token, expiresAt });
  }

  @Mutation(() => SignInMethodsType, {
    description:
      'Step 2: binds the identity of an ID token from a configured provider to the signed-in account. Refused (POLICY_VIOLATION) when it is bound to another account (rule IDENTITY_LINKED_TO_ANOTHER_ACCOUNT) or the account has another identity at that provider (PROVIDER_ALREADY_LINKED); an identity already bound here changes nothing. A used or expired ticket is BAD_USER_INPUT (CONFIRMATION_INVALID, CONFIRMATION_EXPIRED).',
  })
  async linkExternalIdentity(
    @Ctx() ctx: AccountsContext,
    @TextArg('ticket', { maxLength: 128, description: 'From beginExternalIdentityLink.' }) ticket: string,
    @TextArg('provider', { maxLength: 64 }) provider: string,
    @TextArg('idToken', { maxLength: 8192 }) idToken: string,
  ): Promise<SignInMethodsType> {
    return SignInMethodsType.from(await linkIdentity(ctx.em, ctx.accounts, { customerId: requireCallerId(ctx.caller), ticket, provider, idToken }));
  }

  @Mutation(() => SignInMethodsType, {
    description:
      "Removes an external identity from the signed-in account. Refused when it is the account's last way in (POLICY_VIOLATION, rule LAST_SIGN_IN_METHOD). Signing in with it later links it again if its provider vouches for the account's email.",
  })
  async unlinkExternalIdentity(@Ctx() ctx: AccountsContext, @Arg('id', () => ID) id: string): Promise<SignInMethodsType> {
    const customerId = requireCallerId(ctx.caller);
    return SignInMethodsType.from(await unlinkIdentity(ctx.em, customerId, requireUuid(id, 'id', 'sign-in')));
  }

  @Mutation(() => AuthSessionType, {
    description:
      'Gives a password to a signed-in account that has none, confirmed with a fresh sign-in at a bound provider. The password rules of sign-up apply. Every session ends; this one continues with the session returned. An account with a password: POLICY_VIOLATION (PASSWORD_ALREADY_SET).',
  })
  async setPassword(
    @Ctx() ctx: AccountsContext,
    @TextArg('newPassword', { maxLength: 256, description: 'Follows the password policy and is not a common password.' }) newPassword: string,
    @Arg('externalIdentity', () => ExternalIdentityProof) externalIdentity: ExternalIdentityProof,
  ): Promise<AuthSessionType> {
    const proof = { provider: externalIdentity.provider, idToken: externalIdentity.idToken };
    return AuthSessionType.from(
      await setPassword(ctx.em, ctx.accounts, { customerId: requireCallerId(ctx.caller), newPassword, proof, clientAddress: ctx.clientAddress }),
    );
  }
}
