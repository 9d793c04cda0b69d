import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { type BaseContext, NotFound, requireCallerId, requireUuid } from '@vitrine/platform';
import { cancelOrder } from '../use-cases/cancel-order.js';
import { placeOrder } from '../use-cases/place-order.js';
import { findOrder } from '../use-cases/read-orders.js';
import { OrderType } from './order.type.js';
import { PlaceOrderInput } from './place-order.input.js';
import { canAccessOwnedBy, Staff } from '../identity.js';

@Resolver(() => OrderType)
export class OrderResolver {
  @Authorized()
  @Query(() => OrderType, { description: 'One of your orders (staff with orders:manage: any order).' })
  async order(@Ctx() ctx: BaseContext, @Arg('id', () => ID) id: string): Promise<OrderType> {
    const order = await findOrder(ctx.em, requireUuid(id, 'id', 'order'));
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
      customerId: requireCallerId(ctx.caller),
      lines: input.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      idempotencyKey,
    });
    return OrderType.from(order);
  }

  @Staff('orders:manage')
  @Mutation(() => OrderType, {
    description:
      'Staff (orders:manage): cancels a PENDING or CONFIRMED order, saying why (1-500 characters); catalog releases its units. Anything else is a POLICY_VIOLATION (ORDER_STATUS_TRANSITION).',
  })
  async cancelOrder(@Ctx() ctx: BaseContext, @Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string): Promise<OrderType> {
    return OrderType.from(await cancelOrder(ctx.em, requireUuid(id, 'id', 'order'), reason));
  }
}
