import { defineEntity, p } from '@mikro-orm/core';
import type { ShippingAddress } from '@vitrine/contracts';
import { shipmentStatuses, type ShipmentStatus } from '../domain/shipment-status.js';

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
  ],
  indexes: [{ name: 'shipment_status_handover_by_index', properties: ['status', 'handoverBy'] }],
  // A carrier's webhook names a parcel by its tracking number: one parcel per number and carrier.
  uniques: [{ name: 'shipment_carrier_tracking_number_unique', properties: ['carrier', 'trackingNumber'] }],
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
  },
});

export class Shipment extends ShipmentSchema.class {}
ShipmentSchema.setClass(Shipment);
