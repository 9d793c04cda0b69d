import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { TextArg } from '@vitrine/platform';
import { searchCustomers } from '../use-cases/search-customers.js';
import type { AccountsContext } from './accounts-context.js';
import { CustomerConnection, CustomerSearchInput } from './customer-connection.type.js';
import { Staff } from '../identity.js';

@Resolver()
export class CustomerSearchResolver {
  @Staff('customers:read')
  @Query(() => CustomerConnection, {
    description:
      "Staff (customers:read): customers by the start of their email and/or part of their name, newest accounts first. A customer's orders are on Customer.orders.",
  })
  async customers(
    @Ctx() ctx: AccountsContext,
    @Arg('search', () => CustomerSearchInput) search: CustomerSearchInput,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @TextArg('after', { maxLength: 512, nullable: true }) after: string | null,
  ): Promise<CustomerConnection> {
    return CustomerConnection.from(await searchCustomers(ctx.em, search, first, after?.slice(0, 500) ?? null));
  }
}
