import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Forbidden, requireUuid } from '@vitrine/platform';
import { mayRotateSigningKey } from '../domain/roles.js';
import { grantStaffRole } from '../use-cases/grant-staff-role.js';
import { rotateSigningKey } from '../use-cases/signing-keys.js';
import type { AccountsContext } from './accounts-context.js';
import { CustomerType } from './customer.type.js';
import { requireSignedIn } from './require-caller.js';
import { SigningKeyType } from './signing-key.type.js';

@Resolver()
export class AdminResolver {
  @Mutation(() => SigningKeyType, {
    description: 'Admin: signs new access tokens with a fresh key. Tokens signed with the old key stay valid until they expire.',
  })
  async rotateSigningKey(@Ctx() ctx: AccountsContext): Promise<SigningKeyType> {
    const actor = requireSignedIn(ctx.caller);
    // Scope `keys:rotate` or the admin role: more than one scope check, so not @Authorized.
    if (!mayRotateSigningKey(ctx.caller)) throw new Forbidden();
    return SigningKeyType.from(await rotateSigningKey(ctx.em, actor));
  }

  @Authorized('staff:grant')
  @Mutation(() => CustomerType, {
    description: "Admin: makes an account staff with exactly these back-office scopes (replacing earlier ones). Applies to tokens issued from now on.",
  })
  async grantStaffRole(
    @Ctx() ctx: AccountsContext,
    @Arg('customerId', () => ID) customerId: string,
    @Arg('scopes', () => [String]) scopes: string[],
  ): Promise<CustomerType> {
    const actor = requireSignedIn(ctx.caller);
    const customer = await grantStaffRole(ctx.em, actor, requireUuid(customerId, 'customerId', 'customer'), scopes);
    return CustomerType.from(customer, { revealPrivate: true });
  }
}
