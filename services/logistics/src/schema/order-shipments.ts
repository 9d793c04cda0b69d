import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { storeNow } from '@vitrine/platform';
import { canAccessOwnedBy } from '../identity.js';
import type { LogisticsContext } from './logistics-context.js';
import { ShipmentType } from './shipment.type.js';

/** Orders owns Order; logistics adds its shipments. */
@ObjectType('Order')
@Directive('@key(fields: "id")')
export class OrderShipments {
  @Field(() => ID)
  id!: string;

  static of(id: string): OrderShipments {
    return Object.assign(new OrderShipments(), { id });
  }
}

@Resolver(() => OrderShipments)
export class OrderShipmentsResolver {
  @FieldResolver(() => [ShipmentType], { description: "Its shipments with tracking (the order's customer, or staff with logistics:fulfil; others see none)." })
  async shipments(@Root() order: OrderShipments, @Ctx() ctx: LogisticsContext): Promise<ShipmentType[]> {
    const now = storeNow();
    const shipments = await ctx.shipmentsOfOrder.load(order.id);
    return shipments.filter((s) => canAccessOwnedBy(ctx.caller, s.customerId, 'logistics:fulfil')).map((s) => ShipmentType.from(s, now));
  }

  @FieldResolver(() => [ID], {
    description:
      "The customer's other orders travelling in the same parcel as this one (combined by staff), for the order's customer or staff with logistics:fulfil; empty when it ships alone.",
  })
  async shipsWith(@Root() order: OrderShipments, @Ctx() ctx: LogisticsContext): Promise<string[]> {
    const shipments = (await ctx.shipmentsOfOrder.load(order.id)).filter((s) => canAccessOwnedBy(ctx.caller, s.customerId, 'logistics:fulfil'));
    const orders = (await ctx.ordersOfShipment.loadMany(shipments.map((s) => s.id))).flatMap((rows) => (rows instanceof Error ? [] : rows));
    return orders.map((o) => o.orderId).filter((id) => id !== order.id);
  }
}

export function resolveOrderReference(reference: { id: string }): OrderShipments {
  return OrderShipments.of(reference.id);
}
