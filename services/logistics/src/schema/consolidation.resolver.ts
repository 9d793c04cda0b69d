import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { requireActorId, storeNow } from '@vitrine/platform';
import { Staff } from '../identity.js';
import { consolidateShipments } from '../use-cases/consolidate.js';
import type { LogisticsContext } from './logistics-context.js';
import { ShipmentType } from './shipment.type.js';

@Resolver(() => ShipmentType)
export class ConsolidationResolver {
  @Staff('logistics:fulfil')
  @Mutation(() => ShipmentType, {
    description:
      "Staff (logistics:fulfil): combines unpacked shipments of one customer, to one address, from one warehouse, by one method, into one parcel (audited): the oldest keeps its id and takes the others' orders, the others become CONSOLIDATED into it; the final quote then splits one cost over every order by the estimates they paid. A retry with the same ids returns the same parcel. BAD_USER_INPUT: not 2-20 distinct ids; NOT_FOUND; POLICY_VIOLATION with the rule: NOT_SAME_CUSTOMER, NOT_SAME_ADDRESS, NOT_SAME_WAREHOUSE, NOT_SAME_METHOD, NOT_SAME_CURRENCY, WAREHOUSE_UNKNOWN, DESTINATION_UNKNOWN, ALREADY_PACKED, ALREADY_DISPATCHED, ALREADY_CONSOLIDATED (extensions.shipmentId names the shipment).",
  })
  async consolidateShipments(@Ctx() ctx: LogisticsContext, @Arg('shipmentIds', () => [ID]) shipmentIds: string[]): Promise<ShipmentType> {
    return ShipmentType.from(await consolidateShipments(ctx.em, requireActorId(ctx.caller), shipmentIds), storeNow());
  }
}
