import { FieldResolver, Resolver, Root } from 'type-graphql';
import { staffSteps, type OrderStep } from '../domain/staff-steps.js';
import { Staff } from '../identity.js';
import { OrderStepEnum } from './order-enums.js';
import { OrderType } from './order.type.js';

@Resolver(() => OrderType)
export class OrderStepsResolver {
  // The same rule the fulfilment and cancellation mutations enforce (domain/staff-steps.ts), so a back office offers nothing they refuse.
  @Staff('orders:manage')
  @FieldResolver(() => [OrderStepEnum], {
    description:
      'Staff (orders:manage): the steps the order accepts by hand now, in the order of its life (confirmShippingDate, startFulfilment, markOrderShipped, markOrderDelivered, cancelOrder with a reason); empty once nothing is left to do by hand.',
  })
  staffSteps(@Root() order: OrderType): OrderStep[] {
    return staffSteps(order);
  }
}
