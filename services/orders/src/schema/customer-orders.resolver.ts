import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Forbidden, requireCallerId, type BaseContext } from '@vitrine/platform';
import { canAccessOwnedBy } from '../identity.js';
import { listCustomerOrders } from '../use-cases/read-orders.js';
import { CustomerOrders } from './customer-orders.type.js';
import { OrderType } from './order.type.js';

@Resolver(() => CustomerOrders)
export class CustomerOrdersResolver {
  @FieldResolver(() => [OrderType], { description: "The customer's orders, newest first (the customer, or staff with orders:manage)." })
  async orders(
    @Root() customer: CustomerOrders,
    @Ctx() ctx: BaseContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
  ): Promise<OrderType[]> {
    requireCallerId(ctx.caller);
    if (!canAccessOwnedBy(ctx.caller, customer.id, 'orders:manage')) throw new Forbidden();
    const orders = await listCustomerOrders(ctx.em, customer.id, first);
    return orders.map((read) => OrderType.of(read));
  }
}

export function resolveCustomerReference(reference: { id: string }): CustomerOrders {
  return CustomerOrders.of(reference.id);
}
