import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { NotFound, requireUuid, type BaseContext } from '@vitrine/platform';
import { Order } from '../store/order.entity.js';
import { placeOrder } from '../use-cases/place-order.js';
import { OrderType } from './order.type.js';
import { PlaceOrderInput } from './place-order.input.js';

@Resolver(() => OrderType)
export class OrderResolver {
  @Query(() => OrderType)
  async order(@Ctx() ctx: BaseContext, @Arg('id', () => ID) id: string): Promise<OrderType> {
    const order = await ctx.em.findOne(Order, requireUuid(id, 'id', 'order'), { populate: ['lines'] });
    if (!order) throw new NotFound('Order', id);
    return OrderType.from(order);
  }

  @Mutation(() => OrderType, {
    description: 'Places an order. Send the same idempotencyKey when retrying: you get the first order back, never a second one.',
  })
  async placeOrder(
    @Ctx() ctx: BaseContext,
    @Arg('input', () => PlaceOrderInput) input: PlaceOrderInput,
    @Arg('idempotencyKey', () => String) idempotencyKey: string,
  ): Promise<OrderType> {
    const order = await placeOrder(ctx.em, {
      customerId: ctx.caller.id,
      lines: input.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      idempotencyKey,
    });
    return OrderType.from(order);
  }
}
