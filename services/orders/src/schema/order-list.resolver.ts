import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Query, Resolver } from 'type-graphql';
import { MaxLength, TextArg, requireCallerId, type BaseContext } from '@vitrine/platform';
import type { OrderStatus } from '../domain/order-status.js';
import { listOrders } from '../use-cases/list-orders.js';
import { OrderConnection } from './order-connection.type.js';
import { OrderStatusEnum } from './order-enums.js';
import { Staff } from '../identity.js';

@InputType('OrderFilter')
export class OrderFilterInput {
  @Field(() => ID, { nullable: true })
  @MaxLength(36)
  customerId?: string | null;

  @Field(() => [OrderStatusEnum], { nullable: true })
  statuses?: OrderStatus[] | null;

  @Field(() => ID, { nullable: true })
  @MaxLength(36)
  productId?: string | null;

  @Field(() => Date, { nullable: true })
  placedFrom?: Date | null;

  @Field(() => Date, { nullable: true })
  placedBefore?: Date | null;
}

@Resolver()
export class OrderListResolver {
  @Authorized()
  @Query(() => OrderConnection, { description: 'Your orders, newest first, each with what is due next and by when.' })
  async myOrders(
    @Ctx() ctx: BaseContext,
    @Arg('statuses', () => [OrderStatusEnum], { nullable: true }) statuses: OrderStatus[] | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @TextArg('after', { maxLength: 512, nullable: true }) after: string | null,
  ): Promise<OrderConnection> {
    return OrderConnection.from(await listOrders(ctx.em, { customerId: requireCallerId(ctx.caller), statuses }, first, after?.slice(0, 500) ?? null));
  }

  @Staff('orders:manage')
  @Query(() => OrderConnection, { description: 'Staff (orders:manage): orders by customer, status, product and date, newest first.' })
  async orders(
    @Ctx() ctx: BaseContext,
    @Arg('filter', () => OrderFilterInput, { nullable: true }) filter: OrderFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @TextArg('after', { maxLength: 512, nullable: true }) after: string | null,
  ): Promise<OrderConnection> {
    return OrderConnection.from(await listOrders(ctx.em, { ...filter }, first, after?.slice(0, 500) ?? null));
  }
}
