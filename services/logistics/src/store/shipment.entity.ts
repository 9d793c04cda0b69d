import { defineEntity, p } from '@mikro-orm/core';
import type { ShipmentKind, ShippingAddress } from '@vitrine/contracts';
import { shipmentStatuses, type ShipmentStatus } from '../domain/shipment-status.js';

/** What a replacement shipment carries, as after-sales asked for it. */
export interface ReplacementContents {
  productId: string;
  resolution: 'REPLACEMENT_PART' | 'EXCHANGE';
  parts: { name: string | null; category: string; issue: string }[];
  /** When the part should reach the customer, as the claim's offer said. */
  leadTime: { outcome: string; earliest: string | null; latest: string | null } | null;
  /** EXCHANGE: where staff took the new unit from, recorded at packing (catalog's stock is not moved from here). */
  unitTaken: string | null;
}

/** A parcel's journey: opened for one or more orders of one customer (or combined into another's parcel), packed and quoted, dispatched, delivered or returned. */
export const ShipmentSchema = defineEntity({
  name: 'Shipment',
  tableName: 'shipment',
  checks: [
    { name: 'shipment_status_known', expression: `status in (${shipmentStatuses.map((s) => `'${s}'`).join(', ')})` },
    {
      name: 'shipment_parcel_positive',
      expression: 'coalesce(weight_grams, 1) > 0 and coalesce(length_mm, 1) > 0 and coalesce(width_mm, 1) > 0 and coalesce(height_mm, 1) > 0',
    },
    { name: 'shipment_final_cost_not_negative', expression: 'coalesce(final_cost, 0) >= 0' },
    { name: 'shipment_dispatched_has_tracking', expression: "status not in ('DISPATCHED', 'DELIVERED', 'RETURNED_TO_SENDER') or tracking_number is not null" },
    { name: 'shipment_consolidated_has_target', expression: "(status = 'CONSOLIDATED') = (consolidated_into is not null)" },
    { name: 'shipment_kind_known', expression: "kind in ('ORDER', 'REPLACEMENT')" },
    // A replacement names its claim and the order it replaces for; an order's parcel has neither.
    { name: 'shipment_replacement_has_claim', expression: "(kind = 'REPLACEMENT') = (claim_id is not null and replaces_order_id is not null)" },
    // A waiver of the extra postage is kept whole: who, when, why and how much.
    {
      name: 'shipment_extra_waiver_complete',
      expression:
        '(extra_waived_at is null) = (extra_waived_by is null) and (extra_waived_at is null) = (extra_waiver_reason is null) and (extra_waived_at is null) = (extra_waived_amount is null) and coalesce(extra_waived_amount, 1) > 0',
    },
  ],
  indexes: [{ name: 'shipment_status_handover_by_index', properties: ['status', 'handoverBy'] }],
  // A carrier's webhook names a parcel by its tracking number: one parcel per number and carrier.
  // One replacement shipment per claim (a redelivered request opens nothing more).
  uniques: [
    { name: 'shipment_carrier_tracking_number_unique', properties: ['carrier', 'trackingNumber'] },
    { name: 'shipment_claim_unique', properties: ['claimId'] },
  ],
  properties: {
    id: p.uuid().primary(),
    customerId: p.uuid().index(),
    status: p.string().length(24).$type<ShipmentStatus>(),
    warehouseId: p.uuid().nullable(),
    address: p.json<ShippingAddress>().nullable(),
    method: p.string().length(40).nullable(),
    currency: p.string().length(3),
    policyVersion: p.integer().nullable(),
    /** Due at the logistics partner by then (store clock); null: the policy promises no time. */
    handoverBy: p.datetime(3).nullable(),
    /** Set by the handover timer when still unpacked at `handoverBy`. */
    lateSince: p.datetime(3).nullable(),
    openedAt: p.datetime(3),
    weightGrams: p.integer().nullable(),
    lengthMm: p.integer().nullable(),
    widthMm: p.integer().nullable(),
    heightMm: p.integer().nullable(),
    chargeableGrams: p.integer().nullable(),
    finalCost: p.integer().nullable(),
    /** The rate table version that priced the parcel; null when staff gave the carrier's figure. */
    rateTableVersion: p.integer().nullable(),
    quotedAt: p.datetime(3).nullable(),
    carrier: p.string().length(40).nullable(),
    trackingNumber: p.string().length(80).nullable(),
    dispatchedAt: p.datetime(3).nullable(),
    deliveredAt: p.datetime(3).nullable(),
    returnedAt: p.datetime(3).nullable(),
    /** CONSOLIDATED: the shipment whose parcel carries its orders now. */
    consolidatedInto: p.uuid().nullable(),
    /** ORDER: paid orders' units (`shipment_order`); REPLACEMENT: a claim's part or exchanged unit, at the store's cost. */
    kind: p.string().length(16).$type<ShipmentKind>().default('ORDER'),
    /** REPLACEMENT: after-sales' claim it carries out, and the (delivered) order it is for. */
    claimId: p.uuid().nullable(),
    replacesOrderId: p.uuid().nullable().index(),
    replacement: p.json<ReplacementContents>().nullable(),
    /** REPLACEMENT_PART: the first day the studio's part should reach the warehouse (the claim's lead time); null: made on demand, or no date. */
    readyFrom: p.string().length(10).nullable(),
    /** Staff waived the unpaid extra shipping invoices (the store absorbs the overrun): when, who, why and the amount (minor units). */
    extraWaivedAt: p.datetime(3).nullable(),
    extraWaivedBy: p.uuid().nullable(),
    extraWaiverReason: p.string().length(500).nullable(),
    extraWaivedAmount: p.integer().nullable(),
  },
});

export class Shipment extends ShipmentSchema.class {}
ShipmentSchema.setClass(Shipment);
