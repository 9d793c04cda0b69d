import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CustomerFlagKind } from '@vitrine/contracts';
import { TextArg, requireCallerId, requireUuid } from '@vitrine/platform';
import type { FlagAction } from '../domain/customer-flags.js';
import { changeCustomerFlag } from '../use-cases/change-customer-flag.js';
import type { AccountsContext } from './accounts-context.js';
import { CustomerFlagKindEnum, CustomerFlagType } from './customer-flag.type.js';
import { CustomerType } from './customer.type.js';
import { Staff } from '../identity.js';

@Resolver(() => CustomerType)
export class CustomerFlagsResolver {
  @Staff('customers:flag')
  @Query(() => CustomerType, { nullable: true, description: 'Staff (customers:flag): any customer by id.' })
  async customer(@Ctx() ctx: AccountsContext, @Arg('id', () => ID) id: string): Promise<CustomerType | null> {
    const customer = await ctx.customerById.load(requireUuid(id, 'id', 'customer'));
    return customer ? CustomerType.from(customer, { revealPrivate: true }) : null;
  }

  @Staff('customers:flag')
  @Mutation(() => CustomerType, {
    description: 'Staff (customers:flag): sets a flag on a customer. BLOCKED stops their new orders. Setting a flag that is set changes nothing.',
  })
  async flagCustomer(
    @Ctx() ctx: AccountsContext,
    @Arg('customerId', () => ID) customerId: string,
    @Arg('flag', () => CustomerFlagKindEnum) flag: CustomerFlagKind,
    @TextArg('reason', { maxLength: 1000, description: 'Why, for other staff and the audit log (1-500 characters).' }) reason: string,
  ): Promise<CustomerType> {
    return change(ctx, customerId, flag, reason, 'flag');
  }

  @Staff('customers:flag')
  @Mutation(() => CustomerType, { description: 'Staff (customers:flag): lifts a flag from a customer. Lifting a flag that is not set changes nothing.' })
  async unflagCustomer(
    @Ctx() ctx: AccountsContext,
    @Arg('customerId', () => ID) customerId: string,
    @Arg('flag', () => CustomerFlagKindEnum) flag: CustomerFlagKind,
    @TextArg('reason', { maxLength: 1000, description: 'Why, for other staff and the audit log (1-500 characters).' }) reason: string,
  ): Promise<CustomerType> {
    return change(ctx, customerId, flag, reason, 'unflag');
  }

  @Staff('customers:flag')
  @FieldResolver(() => [CustomerFlagType], { description: 'Staff (customers:flag) only: not shown to the customer.' })
  async flags(@Root() customer: CustomerType, @Ctx() ctx: AccountsContext): Promise<CustomerFlagType[]> {
    return (await ctx.customerFlags.load(customer.id)).map(CustomerFlagType.from);
  }
}

async function change(ctx: AccountsContext, customerId: string, flag: CustomerFlagKind, reason: string, action: FlagAction): Promise<CustomerType> {
  const actor = requireCallerId(ctx.caller);
  const id = requireUuid(customerId, 'customerId', 'customer');
  const customer = await changeCustomerFlag(ctx.em, actor, { customerId: id, flag, reason, action });
  return CustomerType.from(customer, { revealPrivate: true });
}
