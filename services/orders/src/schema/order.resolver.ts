import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { canAccessOwnedBy, NotFound, requireUuid, type BaseContext } from '@vitrine/platform';
import { Order } from '../store/order.entity.js';
import { placeOrder } from '../use-cases/place-order.js';
import { OrderType } from './order.type.js';
import { PlaceOrderInput } from './place-order.input.js';

@Resolver(() => OrderType)
export class OrderResolver {
  @Authorized()
  @Query(() => OrderType, { description: 'One of your orders (staff with orders:manage: any order).' })
  async order(@Ctx() ctx: BaseContext, @Arg('id', () => ID) id: string): Promise<OrderType> {
    const order = await ctx.em.findOne(Order, requireUuid(id, 'id', 'order'), { populate: ['lines'] });
    // Someone else's order is reported exactly like a missing one: existence is not leaked.
    if (!order || !canAccessOwnedBy(ctx.caller, order.customerId, 'orders:manage')) throw new NotFound('Order', id);
    return OrderType.from(order);
  }

  @Authorized()
  @Mutation(() => OrderType, {
    description: 'Places an order for the signed-in customer. Send the same idempotencyKey when retrying: you get the first order back, never a second one.',
  })
  async placeOrder(
    @Ctx() ctx: BaseContext,
    @Arg('input', () => PlaceOrderInput) input: PlaceOrderInput,
    @Arg('idempotencyKey', () => String) idempotencyKey: string,
  ): Promise<OrderType> {
    const order = await placeOrder(ctx.em, {
      customerId: ctx.caller.id!,
      lines: input.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      idempotencyKey,
    });
    return OrderType.from(order);
  }
}
