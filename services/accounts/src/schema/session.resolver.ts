import { TextArg } from '@vitrine/platform';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { login } from '../use-cases/login.js';
import { logout, refreshSession } from '../use-cases/refresh-session.js';
import { registerCustomer, signUp } from '../use-cases/register-customer.js';
import type { AccountsContext } from './accounts-context.js';
import { RegisterInput } from './account.inputs.js';
import { AuthSessionType } from './auth-session.type.js';
import { CustomerType } from './customer.type.js';

@Resolver()
export class SessionResolver {
  @Mutation(() => Boolean, {
    description:
      'Creates a customer account and emails a verification link; sign in with login afterwards. Always true for valid input: if the email already has an account, nothing changes and its owner is emailed instead (the answer does not tell who has an account).',
  })
  async signUp(@Ctx() ctx: AccountsContext, @Arg('input', () => RegisterInput) input: RegisterInput): Promise<boolean> {
    await signUp(ctx.em, input);
    return true;
  }

  @Mutation(() => CustomerType, {
    description: 'Creates a customer account. Sign in with login afterwards. CONFLICT when the email already has an account.',
    deprecationReason: 'Tells whether an email has an account; use signUp.',
  })
  async register(@Ctx() ctx: AccountsContext, @Arg('input', () => RegisterInput) input: RegisterInput): Promise<CustomerType> {
    const customer = await registerCustomer(ctx.em, input);
    return CustomerType.from(customer, { revealPrivate: true });
  }

  @Mutation(() => AuthSessionType, {
    description: 'Signs in with email and password. Repeated failures lock sign-in for a while (POLICY_VIOLATION, rule LOGIN_THROTTLED).',
  })
  async login(
    @Ctx() ctx: AccountsContext,
    @TextArg('email', { maxLength: 254 }) email: string,
    @TextArg('password', { maxLength: 256 }) password: string,
  ): Promise<AuthSessionType> {
    return AuthSessionType.from(await login(ctx.em, ctx.accounts, { email, password, clientAddress: ctx.clientAddress }));
  }

  @Mutation(() => AuthSessionType, { description: 'Trades a refresh token for a new access token and refresh token. Each refresh token works once.' })
  async refreshSession(@Ctx() ctx: AccountsContext, @TextArg('refreshToken', { maxLength: 128 }) refreshToken: string): Promise<AuthSessionType> {
    return AuthSessionType.from(await refreshSession(ctx.em, ctx.accounts, refreshToken));
  }

  @Mutation(() => Boolean, { description: 'Ends the session the refresh token belongs to. Always true.' })
  async logout(@Ctx() ctx: AccountsContext, @TextArg('refreshToken', { maxLength: 128 }) refreshToken: string): Promise<boolean> {
    await logout(ctx.em, refreshToken);
    return true;
  }
}
