import { IsOptional, ValidateNested } from 'class-validator';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MaxLength, requireActorId, storeNow, TextArg } from '@vitrine/platform';
import type { ShipmentStatus } from '../domain/shipment-status.js';
import { canAccessOwnedBy, Staff } from '../identity.js';
import { dispatchShipment } from '../use-cases/dispatch.js';
import { recordParcel } from '../use-cases/parcel-quote.js';
import { listShipments, loadShipment, shipmentQueuePage, type ShipmentFilter } from '../use-cases/read-shipments.js';
import { recordTracking, type TrackingReport } from '../use-cases/tracking.js';
import { waiveExtraShipping } from '../use-cases/waive-extra-shipping.js';
import type { LogisticsContext } from './logistics-context.js';
import { ParcelSizeInput } from './rate-table.input.js';
import { ShipmentConnection } from './shipment-connection.type.js';
import {
  ExtraShippingWaiverType,
  ShipmentOrderType,
  ShipmentStatusEnum,
  ShipmentType,
  TrackingStatusEnum,
  TrackingStepType,
  type WaiverRecord,
} from './shipment.type.js';

@InputType('ShipmentFilter')
export class ShipmentFilterInput {
  @Field(() => [ShipmentStatusEnum], { nullable: true }) statuses?: ShipmentStatus[] | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @MaxLength(36) warehouseId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: only unpacked past the handover deadline; false: only the others.' }) late?: boolean | null;
}

@InputType('PackedParcelInput')
export class PackedParcelInput {
  @Field(() => Int) weightGrams!: number;
  @Field(() => ParcelSizeInput) @ValidateNested() dimensions!: ParcelSizeInput;
  @Field(() => Int, { nullable: true, description: "The carrier's price in minor units; omitted: priced by the rate table in force." }) finalCost?:
    number | null;
  @Field(() => String, {
    nullable: true,
    description:
      "A claim's EXCHANGE (required there): where the new unit was taken from; catalog is not told, adjust its stock there (at most 200 characters).",
  })
  @IsOptional()
  @MaxLength(200)
  unitTaken?: string | null;
}

@InputType('TrackingStepInput')
export class TrackingStepInput {
  @Field(() => TrackingStatusEnum) status!: TrackingReport['status'];
  @Field(() => Date, { nullable: true, description: 'When it happened; omitted: now.' }) at?: Date | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) note?: string | null;
}

const filterOf = (filter: ShipmentFilterInput | null): ShipmentFilter => ({
  statuses: filter?.statuses ?? null,
  warehouseId: filter?.warehouseId ?? null,
  late: filter?.late ?? null,
});

@Resolver(() => ShipmentType)
export class ShipmentResolver {
  @Staff('logistics:fulfil')
  @Query(() => [ShipmentType], {
    description: 'Staff (logistics:fulfil): the shipment queue, oldest first.',
    deprecationReason: 'Use shipmentsConnection: it pages.',
  })
  async shipments(
    @Ctx() ctx: LogisticsContext,
    @Arg('filter', () => ShipmentFilterInput, { nullable: true }) filter: ShipmentFilterInput | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
  ): Promise<ShipmentType[]> {
    const rows = await listShipments(ctx.em, filterOf(filter), first);
    const now = storeNow();
    return rows.map((s) => ShipmentType.from(s, now));
  }

  @Staff('logistics:fulfil')
  @Query(() => ShipmentConnection, {
    description:
      'Staff (logistics:fulfil): the shipment queue, oldest first, filtered, by pages (first: 1-100, default 30). BAD_USER_INPUT INVALID_CURSOR: not a cursor of this queue.',
  })
  async shipmentsConnection(
    @Ctx() ctx: LogisticsContext,
    @Arg('filter', () => ShipmentFilterInput, { nullable: true }) filter: ShipmentFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @TextArg('after', { maxLength: 500, nullable: true, description: 'A cursor from a previous page (at most 500 characters).' }) after: string | null,
  ): Promise<ShipmentConnection> {
    const page = await shipmentQueuePage(ctx.em, filterOf(filter), first, after);
    const now = storeNow();
    return Object.assign(new ShipmentConnection(), {
      edges: page.items.map((item) => ({ node: ShipmentType.from(item.shipment, now), cursor: item.cursor })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    });
  }

  @Query(() => ShipmentType, { description: 'Its customer or staff (logistics:fulfil); anyone else: NOT_FOUND.' })
  async shipment(@Ctx() ctx: LogisticsContext, @Arg('id', () => ID) id: string): Promise<ShipmentType> {
    requireActorId(ctx.caller);
    return ShipmentType.from(await loadShipment(ctx.em, ctx.caller, id), storeNow());
  }

  @Staff('logistics:fulfil')
  @Mutation(() => ShipmentType, {
    description:
      'Staff (logistics:fulfil): the packed parcel (audited). Below the estimate: the excess is refunded; above: an extra invoice, and dispatch waits for its payment. BAD_USER_INPUT for sizes or weight not above zero; POLICY_VIOLATION SHIPMENT_STATUS_TRANSITION once quoted.',
  })
  async recordParcel(
    @Ctx() ctx: LogisticsContext,
    @Arg('shipmentId', () => ID) shipmentId: string,
    @Arg('parcel', () => PackedParcelInput) parcel: PackedParcelInput,
  ): Promise<ShipmentType> {
    const { weightGrams, dimensions, finalCost, unitTaken } = parcel;
    const shipment = await recordParcel(ctx.em, requireActorId(ctx.caller), shipmentId, {
      weightGrams,
      dimensions: { ...dimensions },
      finalCost: finalCost ?? null,
      unitTaken: unitTaken ?? null,
    });
    return ShipmentType.from(shipment, storeNow());
  }

  @Staff('logistics:fulfil')
  @Mutation(() => ShipmentType, {
    description:
      'Staff (logistics:fulfil): the parcel left with a carrier (audited). Carrier SANDBOX (outside production) moves it on the store clock: in transit, out for delivery, delivered (a tracking number containing RTS: returned to sender). BAD_USER_INPUT IN_USE: the carrier has this tracking number on another parcel. POLICY_VIOLATION EXTRA_SHIPPING_UNPAID, SHIPMENT_STATUS_TRANSITION (not quoted yet, dispatched already), SANDBOX_ONLY.',
  })
  async dispatchShipment(
    @Ctx() ctx: LogisticsContext,
    @Arg('shipmentId', () => ID) shipmentId: string,
    @TextArg('carrier', { maxLength: 40 }) carrier: string,
    @TextArg('trackingNumber', { maxLength: 80 }) trackingNumber: string,
  ): Promise<ShipmentType> {
    const options = { production: ctx.production };
    return ShipmentType.from(await dispatchShipment(ctx.em, requireActorId(ctx.caller), shipmentId, carrier, trackingNumber, options), storeNow());
  }

  @Staff('logistics:fulfil')
  @Mutation(() => ShipmentType, {
    description:
      "Staff (logistics:fulfil): waives the parcel's unpaid extra shipping invoices (the store absorbs the postage above the estimates paid; audited): the shipment becomes READY to dispatch and payments stops collecting them (a payment that reaches them anyway is given back). The waiver (who, when, why, how much) is kept on extraShippingWaiver. BAD_USER_INPUT: reason blank or above 500 characters; NOT_FOUND; POLICY_VIOLATION SHIPMENT_STATUS_TRANSITION (with status) unless AWAITING_PAYMENT: not quoted, nothing invoiced, paid or waived already, dispatched.",
  })
  async waiveExtraShipping(
    @Ctx() ctx: LogisticsContext,
    @Arg('shipmentId', () => ID) shipmentId: string,
    @TextArg('reason', { maxLength: 500, description: 'Why the store absorbs the extra postage (1-500 characters), kept for the record.' }) reason: string,
  ): Promise<ShipmentType> {
    return ShipmentType.from(await waiveExtraShipping(ctx.em, requireActorId(ctx.caller), shipmentId, reason), storeNow());
  }

  @Staff('logistics:fulfil')
  @Mutation(() => ShipmentType, {
    description:
      "Staff (logistics:fulfil): a step of a dispatched parcel's journey. DELIVERED sets the delivery date; RETURNED_TO_SENDER refunds per the order's policy. POLICY_VIOLATION NOT_IN_TRANSIT otherwise.",
  })
  async recordTracking(
    @Ctx() ctx: LogisticsContext,
    @Arg('shipmentId', () => ID) shipmentId: string,
    @Arg('step', () => TrackingStepInput) step: TrackingStepInput,
  ): Promise<ShipmentType> {
    const report = { status: step.status, at: step.at ?? null, note: step.note ?? null };
    return ShipmentType.from(await recordTracking(ctx.em, requireActorId(ctx.caller), shipmentId, report), storeNow());
  }

  @FieldResolver(() => [ShipmentOrderType])
  async orders(@Root() s: ShipmentType & { currency: string }, @Ctx() ctx: LogisticsContext): Promise<ShipmentOrderType[]> {
    return (await ctx.ordersOfShipment.load(s.id)).map((o) => ShipmentOrderType.from(o, s.currency));
  }

  @FieldResolver(() => ExtraShippingWaiverType, {
    nullable: true,
    description: 'Staff waived its unpaid extra shipping invoices (null: not waived); the reason and who: staff only.',
  })
  extraShippingWaiver(@Root() s: ShipmentType & { waiver: WaiverRecord | null }, @Ctx() ctx: LogisticsContext): ExtraShippingWaiverType | null {
    return s.waiver ? ExtraShippingWaiverType.from(s.waiver, canAccessOwnedBy(ctx.caller, null, 'logistics:fulfil')) : null;
  }

  @FieldResolver(() => [TrackingStepType], { description: 'Tracking history, oldest first.' })
  async tracking(@Root() s: ShipmentType, @Ctx() ctx: LogisticsContext): Promise<TrackingStepType[]> {
    return (await ctx.trackingOfShipment.load(s.id)).map(TrackingStepType.from);
  }
}
