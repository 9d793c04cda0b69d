import { defineEntity, p } from '@mikro-orm/core';

export const trackingStatuses = ['DISPATCHED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'RETURNED_TO_SENDER'] as const;
export type TrackingStatus = (typeof trackingStatuses)[number];

/** A step of a parcel's tracking history, as the carrier (or staff) reported it. */
export const TrackingEventSchema = defineEntity({
  name: 'TrackingEvent',
  tableName: 'tracking_event',
  checks: [{ name: 'tracking_event_status_known', expression: `status in (${trackingStatuses.map((s) => `'${s}'`).join(', ')})` }],
  properties: {
    id: p.uuid().primary(),
    shipmentId: p.uuid().index(),
    status: p.string().length(24).$type<TrackingStatus>(),
    at: p.datetime(3),
    note: p.string().length(200).nullable(),
    recordedBy: p.uuid().nullable(),
  },
});

export class TrackingEvent extends TrackingEventSchema.class {}
TrackingEventSchema.setClass(TrackingEvent);
