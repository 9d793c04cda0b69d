import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Forbidden, requireCallerId } from '@vitrine/platform';
import { maySeePrivateFields } from '../domain/roles.js';
import { findActiveCustomer } from '../use-cases/active-customer.js';
import { updateProfile } from '../use-cases/update-profile.js';
import type { AccountsContext } from './accounts-context.js';
import { UpdateProfileInput } from './account.inputs.js';
import { CustomerType } from './customer.type.js';

@Resolver(() => CustomerType)
export class CustomerResolver {
  @Query(() => CustomerType, { description: 'The signed-in customer.' })
  async me(@Ctx() ctx: AccountsContext): Promise<CustomerType> {
    const customer = await findActiveCustomer(ctx.em, requireCallerId(ctx.caller));
    return CustomerType.from(customer, { revealPrivate: true });
  }

  @Mutation(() => CustomerType, { description: "Changes the signed-in customer's profile." })
  async updateProfile(@Ctx() ctx: AccountsContext, @Arg('input', () => UpdateProfileInput) input: UpdateProfileInput): Promise<CustomerType> {
    const customer = await updateProfile(ctx.em, requireCallerId(ctx.caller), { displayName: input.displayName });
    return CustomerType.from(customer, { revealPrivate: true });
  }

  @FieldResolver(() => String, { description: 'Visible to the customer and to staff who handle customers.' })
  email(@Root() customer: CustomerType, @Ctx() ctx: AccountsContext): string {
    return reveal(customer, ctx, customer.privateEmail);
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether the customer proved they read this address (a verification or email-change link). Visible to the customer and to staff who handle customers.',
  })
  emailVerified(@Root() customer: CustomerType, @Ctx() ctx: AccountsContext): boolean {
    return reveal(customer, ctx, customer.privateEmailVerified);
  }

  @FieldResolver(() => [String], { description: 'customer, staff, admin. Visible to the customer and to staff who handle customers.' })
  roles(@Root() customer: CustomerType, @Ctx() ctx: AccountsContext): string[] {
    return reveal(customer, ctx, customer.privateRoles);
  }
}

function reveal<T>(customer: CustomerType, ctx: AccountsContext, value: T): T {
  if (customer.revealPrivate || maySeePrivateFields(ctx.caller, customer.id)) return value;
  throw new Forbidden("You can only see your own account's private details.");
}
