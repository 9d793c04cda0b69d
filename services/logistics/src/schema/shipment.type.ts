import { Field, ID, Int, ObjectType } from 'type-graphql';
import { graphqlEnum, Money } from '@vitrine/platform';
import { shipmentStatuses } from '../domain/shipment-status.js';
import type { ShipmentOrder } from '../store/shipment-order.entity.js';
import type { Shipment } from '../store/shipment.entity.js';
import { trackingStatuses } from '../domain/tracking-status.js';
import type { TrackingEvent } from '../store/tracking-event.entity.js';
import { ParcelSize } from './rate-table.type.js';

export const ShipmentStatusEnum = graphqlEnum(shipmentStatuses, {
  name: 'ShipmentStatus',
  description:
    "OPEN at the warehouse; AWAITING_PAYMENT (extra shipping invoice unpaid) or READY once packed and quoted; DISPATCHED; DELIVERED or RETURNED_TO_SENDER. CONSOLIDATED: combined into another shipment, whose parcel carries its orders (consolidatedInto). AWAITING_PART: a claim's replacement part not at the warehouse yet (packed when it arrives).",
});
export const TrackingStatusEnum = graphqlEnum(trackingStatuses, { name: 'TrackingStatus', description: "A step of the parcel's journey." });

@ObjectType('ShipmentOrder', { description: 'An order in the shipment: the estimate it paid and its share of the final cost.' })
export class ShipmentOrderType {
  @Field(() => ID) orderId!: string;
  @Field(() => Money) estimatePaid!: Money;
  @Field(() => Money, { nullable: true }) finalShare!: Money | null;
  @Field(() => Money, { description: 'Refunded by payments.' }) excessRefund!: Money;
  @Field(() => Money, { description: 'Invoiced: dispatch waits until it is paid (or staff waive it).' }) extraDue!: Money;
  @Field(() => ID, { nullable: true, description: 'The extra invoice (the due id payments collects).' }) invoiceId!: string | null;
  @Field(() => Date, { nullable: true }) invoicePaidAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Staff waived the extra invoice (see Shipment.extraShippingWaiver): nothing to pay.' })
  invoiceWaivedAt!: Date | null;

  static from(o: ShipmentOrder, currency: string): ShipmentOrderType {
    const m = (a: number) => Money.of(a, currency);
    return Object.assign(new ShipmentOrderType(), {
      orderId: o.orderId,
      estimatePaid: m(o.estimatePaid),
      finalShare: o.finalShare == null ? null : m(o.finalShare),
      excessRefund: m(o.excessRefund),
      extraDue: m(o.extraDue),
      invoiceId: o.invoiceId ?? null,
      invoicePaidAt: o.invoicePaidAt ?? null,
      invoiceWaivedAt: o.invoiceWaivedAt ?? null,
    });
  }
}

@ObjectType('ReplacementPart', { description: 'A part a replacement shipment carries, as the claim named it.' })
export class ReplacementPartType {
  @Field(() => String, { nullable: true, description: "The catalog's part name, when the customer named it." }) name!: string | null;
  @Field(() => String) category!: string;
  @Field(() => String) issue!: string;
}

@ObjectType('Replacement', { description: "What a claim's replacement shipment carries (the store pays its postage)." })
export class ReplacementType {
  @Field(() => ID) claimId!: string;
  @Field(() => ID, { description: 'The delivered order it is for (its status does not move).' }) orderId!: string;
  @Field(() => ID) productId!: string;
  @Field(() => String, { description: 'REPLACEMENT_PART or EXCHANGE (a new unit of the product).' }) resolution!: string;
  @Field(() => [ReplacementPartType]) parts!: ReplacementPartType[];
  @Field(() => String, { nullable: true, description: 'AWAITING_PART: the first day the part should reach the warehouse (null: made on demand, or no date).' })
  readyFrom!: string | null;
  @Field(() => String, { nullable: true, description: 'EXCHANGE: where staff took the new unit from, recorded at packing.' }) unitTaken!: string | null;

  static from(s: Shipment): ReplacementType | null {
    if (s.kind !== 'REPLACEMENT' || !s.replacement) return null;
    const r = s.replacement;
    return Object.assign(new ReplacementType(), {
      claimId: s.claimId!,
      orderId: s.replacesOrderId!,
      productId: r.productId,
      resolution: r.resolution,
      parts: r.parts.map((p) => Object.assign(new ReplacementPartType(), p)),
      readyFrom: s.readyFrom ?? null,
      unitTaken: r.unitTaken ?? null,
    });
  }
}

/** A waiver as the shipment keeps it, before the caller decides what of it they see. */
export interface WaiverRecord {
  amount: Money;
  waivedAt: Date;
  reason: string;
  waivedBy: string;
}

@ObjectType('ExtraShippingWaiver', { description: "Staff waived the parcel's unpaid extra shipping invoices: the store absorbs that postage." })
export class ExtraShippingWaiverType {
  @Field(() => Money, { description: 'What the store absorbs: the invoices waived.' }) amount!: Money;
  @Field(() => Date) waivedAt!: Date;
  @Field(() => String, { nullable: true, description: 'Why, in staff words: staff (logistics:fulfil) only, null for the customer.' }) reason!: string | null;
  @Field(() => ID, { nullable: true, description: 'The staff member who waived it: staff (logistics:fulfil) only, null for the customer.' }) waivedBy!:
    string | null;

  static from(w: WaiverRecord, staff: boolean): ExtraShippingWaiverType {
    return Object.assign(new ExtraShippingWaiverType(), {
      amount: w.amount,
      waivedAt: w.waivedAt,
      reason: staff ? w.reason : null,
      waivedBy: staff ? w.waivedBy : null,
    });
  }
}

@ObjectType('TrackingStep')
export class TrackingStepType {
  @Field(() => TrackingStatusEnum) status!: string;
  @Field(() => Date) at!: Date;
  @Field(() => String, { nullable: true }) note!: string | null;

  static from(t: TrackingEvent): TrackingStepType {
    return Object.assign(new TrackingStepType(), { status: t.status, at: t.at, note: t.note ?? null });
  }
}

@ObjectType('Shipment', {
  description: 'A parcel of one customer from one warehouse, carrying one or more of their orders (orders); its customer or staff (logistics:fulfil) see it.',
})
export class ShipmentType {
  @Field(() => ID) id!: string;
  @Field(() => ShipmentStatusEnum) status!: string;
  @Field(() => String, { description: "ORDER: paid orders' units; REPLACEMENT: a claim's part or exchanged unit, never charged nor combined." }) kind!: string;
  @Field(() => ReplacementType, { nullable: true, description: 'REPLACEMENT: the claim and what it carries.' }) replacement!: ReplacementType | null;
  @Field(() => ID, { nullable: true, description: "Catalog's warehouse holding the units." }) warehouseId!: string | null;
  @Field(() => String, { nullable: true }) method!: string | null;
  @Field(() => String, { nullable: true, description: 'Destination country.' }) destination!: string | null;
  @Field(() => Date, { nullable: true, description: "Due at the logistics partner by (the order's policy)." }) handoverBy!: Date | null;
  @Field(() => Boolean, { description: 'Still unpacked after its handover deadline.' }) late!: boolean;
  @Field(() => Int, { nullable: true }) weightGrams!: number | null;
  @Field(() => ParcelSize, { nullable: true }) dimensions!: ParcelSize | null;
  @Field(() => Int, { nullable: true }) chargeableGrams!: number | null;
  @Field(() => Money, { nullable: true, description: 'Confirmed shipping fee.' }) finalCost!: Money | null;
  @Field(() => Int, { nullable: true, description: 'The rate table version that priced it (null: the carrier figure).' }) rateTableVersion!: number | null;
  @Field(() => String, { nullable: true }) carrier!: string | null;
  @Field(() => String, { nullable: true }) trackingNumber!: string | null;
  @Field(() => Date) openedAt!: Date;
  @Field(() => Date, { nullable: true }) dispatchedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Opens the return and claim windows.' }) deliveredAt!: Date | null;
  @Field(() => Date, { nullable: true }) returnedAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'CONSOLIDATED: the shipment whose parcel carries its orders now.' }) consolidatedInto!: string | null;

  static from(s: Shipment, now: Date): ShipmentType {
    const measured = s.lengthMm != null && s.widthMm != null && s.heightMm != null;
    return Object.assign(new ShipmentType(), {
      id: s.id,
      status: s.status,
      kind: s.kind,
      replacement: ReplacementType.from(s),
      warehouseId: s.warehouseId ?? null,
      method: s.method ?? null,
      destination: s.address?.country ?? null,
      handoverBy: s.handoverBy ?? null,
      late: s.status === 'OPEN' && s.handoverBy != null && s.handoverBy < now,
      weightGrams: s.weightGrams ?? null,
      dimensions: measured ? Object.assign(new ParcelSize(), { lengthMm: s.lengthMm, widthMm: s.widthMm, heightMm: s.heightMm }) : null,
      chargeableGrams: s.chargeableGrams ?? null,
      finalCost: s.finalCost == null ? null : Money.of(s.finalCost, s.currency),
      rateTableVersion: s.rateTableVersion ?? null,
      carrier: s.carrier ?? null,
      trackingNumber: s.trackingNumber ?? null,
      openedAt: s.openedAt,
      dispatchedAt: s.dispatchedAt ?? null,
      deliveredAt: s.deliveredAt ?? null,
      returnedAt: s.returnedAt ?? null,
      consolidatedInto: s.consolidatedInto ?? null,
      currency: s.currency,
      waiver:
        s.extraWaivedAt && s.extraWaivedBy && s.extraWaiverReason && s.extraWaivedAmount != null
          ? { amount: Money.of(s.extraWaivedAmount, s.currency), waivedAt: s.extraWaivedAt, reason: s.extraWaiverReason, waivedBy: s.extraWaivedBy }
          : null,
    });
  }
}
