import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { TextArg, requireUuid, type BaseContext } from '@vitrine/platform';
import { confirmShippingDate, markDelivered, markShipped, startFulfilment } from '../use-cases/fulfilment.js';
import { OrderType } from './order.type.js';
import { Staff } from '../identity.js';

/** Until the logistics subgraph drives them from shipments, staff move orders through fulfilment by hand. */
@Resolver()
export class FulfilmentResolver {
  @Staff('orders:manage')
  @Mutation(() => OrderType, {
    description:
      'Staff (orders:manage): fixes the shipping date of a secured or paid order (a released preorder): a charge-at-ship order is charged on its stored method, and where the policy says so the address is fixed from now.',
  })
  async confirmShippingDate(@Ctx() ctx: BaseContext, @Arg('orderId', () => ID) orderId: string): Promise<OrderType> {
    return OrderType.from(await confirmShippingDate(ctx.em, ctx.caller, requireUuid(orderId, 'orderId', 'order')));
  }

  @Staff('orders:manage')
  @Mutation(() => OrderType, { description: 'Staff (orders:manage): the warehouse starts on a paid order (READY_TO_FULFIL to IN_FULFILMENT).' })
  async startFulfilment(@Ctx() ctx: BaseContext, @Arg('orderId', () => ID) orderId: string): Promise<OrderType> {
    return OrderType.from(await startFulfilment(ctx.em, ctx.caller, requireUuid(orderId, 'orderId', 'order')));
  }

  @Staff('orders:manage')
  @Mutation(() => OrderType, { description: 'Staff (orders:manage): the parcel left, with its tracking number (4-80 characters).' })
  async markOrderShipped(
    @Ctx() ctx: BaseContext,
    @Arg('orderId', () => ID) orderId: string,
    @TextArg('trackingNumber', { maxLength: 100 }) trackingNumber: string,
  ): Promise<OrderType> {
    return OrderType.from(await markShipped(ctx.em, ctx.caller, requireUuid(orderId, 'orderId', 'order'), trackingNumber.slice(0, 200)));
  }

  @Staff('orders:manage')
  @Mutation(() => OrderType, { description: 'Staff (orders:manage): the courier delivered it (its date, by default now, opens the return and claim windows).' })
  async markOrderDelivered(
    @Ctx() ctx: BaseContext,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('deliveredAt', () => Date, { nullable: true }) deliveredAt: Date | null,
  ): Promise<OrderType> {
    return OrderType.from(await markDelivered(ctx.em, ctx.caller, requireUuid(orderId, 'orderId', 'order'), deliveredAt));
  }
}
