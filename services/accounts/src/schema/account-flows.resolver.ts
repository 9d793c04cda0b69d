import { TextArg, requireCallerId } from '@vitrine/platform';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { changeEmailInput, confirmEmailChange, requestEmailChange } from '../use-cases/change-email.js';
import { changePassword } from '../use-cases/change-password.js';
import { requestEmailVerification, verifyEmail } from '../use-cases/email-verification.js';
import { requestPasswordReset, resetPassword } from '../use-cases/password-reset.js';
import type { AccountsContext } from './accounts-context.js';
import { ExternalIdentityProof } from './account.inputs.js';
import { AuthSessionType } from './auth-session.type.js';

const token = { maxLength: 128, description: 'The token from the emailed link.' };
const newPassword = { maxLength: 256, description: 'Follows the password policy and is not a common password.' };

/** Email verification, forgotten and changed passwords, email change: the links go out as events on accounts.mail.v1. */
@Resolver()
export class AccountFlowsResolver {
  @Mutation(() => Boolean, { description: 'Emails the signed-in customer a new verification link (none if the address is verified). Always true.' })
  async requestEmailVerification(@Ctx() ctx: AccountsContext): Promise<boolean> {
    await requestEmailVerification(ctx.em, requireCallerId(ctx.caller));
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Follows a verification link: the address is proven. A used or expired link is BAD_USER_INPUT (LINK_INVALID, LINK_EXPIRED).',
  })
  async verifyEmail(@Ctx() ctx: AccountsContext, @TextArg('token', token) presented: string): Promise<boolean> {
    await verifyEmail(ctx.em, presented);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'Forgot password: if an account has this email, a reset link (valid 30 minutes, once) is emailed to it. Always true, whether or not it has one.',
  })
  async requestPasswordReset(@Ctx() ctx: AccountsContext, @TextArg('email', { maxLength: 254 }) email: string): Promise<boolean> {
    await requestPasswordReset(ctx.em, email);
    return true;
  }

  @Mutation(() => AuthSessionType, {
    description: 'Sets a new password with a reset link and signs in. Every other session ends; sign-in delays on the account are lifted.',
  })
  async resetPassword(
    @Ctx() ctx: AccountsContext,
    @TextArg('token', token) presented: string,
    @TextArg('newPassword', newPassword) password: string,
  ): Promise<AuthSessionType> {
    return AuthSessionType.from(await resetPassword(ctx.em, ctx.accounts, presented, password));
  }

  @Mutation(() => AuthSessionType, {
    description:
      'Changes the signed-in customer’s password (the current one is asked, and counted like a sign-in). Every session ends; this one continues with the session returned.',
  })
  async changePassword(
    @Ctx() ctx: AccountsContext,
    @TextArg('currentPassword', { maxLength: 256 }) currentPassword: string,
    @TextArg('newPassword', newPassword) password: string,
  ): Promise<AuthSessionType> {
    const command = { customerId: requireCallerId(ctx.caller), currentPassword, newPassword: password, clientAddress: ctx.clientAddress };
    return AuthSessionType.from(await changePassword(ctx.em, ctx.accounts, command));
  }

  @Mutation(() => Boolean, {
    description:
      'Asks to move the signed-in account to a new email address: a confirmation link (valid 1 hour) goes to the new address; nothing changes until it is followed. Asks for the password again (or a fresh external sign-in). Always true.',
  })
  async requestEmailChange(
    @Ctx() ctx: AccountsContext,
    @TextArg('newEmail', { maxLength: 254 }) newEmail: string,
    @TextArg('password', { maxLength: 256, nullable: true, description: 'Your password. Accounts without one confirm with externalIdentity instead.' })
    password?: string | null,
    @Arg('externalIdentity', () => ExternalIdentityProof, { nullable: true }) externalIdentity?: ExternalIdentityProof | null,
  ): Promise<boolean> {
    const proof = changeEmailInput(password, externalIdentity);
    await requestEmailChange(ctx.em, ctx.accounts, { customerId: requireCallerId(ctx.caller), newEmail, proof, clientAddress: ctx.clientAddress });
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Follows the link sent to the new address: the account moves to it, verified. CONFLICT if another account has taken the address meanwhile.',
  })
  async confirmEmailChange(@Ctx() ctx: AccountsContext, @TextArg('token', token) presented: string): Promise<boolean> {
    await confirmEmailChange(ctx.em, presented);
    return true;
  }
}
