import { TextArg, requireCallerId } from '@vitrine/platform';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { changeRegion } from '../use-cases/change-region.js';
import { deleteAccount } from '../use-cases/delete-account.js';
import type { AccountsContext } from './accounts-context.js';
import { ExternalIdentityProof } from './account.inputs.js';
import { CustomerType } from './customer.type.js';

@Resolver()
export class MyAccountResolver {
  @Mutation(() => CustomerType, {
    description:
      'Moves the signed-in customer to another country of residence (ISO 3166-1 alpha-2): where orders ship. Refused while an order is open (POLICY_VIOLATION, rule REGION_LOCKED_BY_OPEN_ORDERS, extensions.count).',
  })
  async changeRegion(@Ctx() ctx: AccountsContext, @TextArg('country', { maxLength: 8 }) country: string): Promise<CustomerType> {
    const customer = await changeRegion(ctx.em, requireCallerId(ctx.caller), country);
    return CustomerType.from(customer, { revealPrivate: true });
  }

  @Mutation(() => Boolean, {
    description:
      "Deletes the signed-in customer's account for good: personal data erased, every session ended. Asks for the password again (or a fresh external sign-in). Refused while an order has not shipped (POLICY_VIOLATION, rule UNSHIPPED_ORDERS, extensions.count).",
  })
  async deleteMyAccount(
    @Ctx() ctx: AccountsContext,
    @TextArg('password', { maxLength: 256, nullable: true, description: 'Your password. Accounts without one confirm with externalIdentity instead.' })
    password?: string | null,
    @Arg('externalIdentity', () => ExternalIdentityProof, { nullable: true }) externalIdentity?: ExternalIdentityProof | null,
  ): Promise<boolean> {
    const proof = { password, external: externalIdentity ? { provider: externalIdentity.provider, idToken: externalIdentity.idToken } : null };
    await deleteAccount(ctx.em, ctx.accounts, { customerId: requireCallerId(ctx.caller), proof, clientAddress: ctx.clientAddress });
    return true;
  }
}
