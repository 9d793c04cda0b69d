import { defineEntity, p } from '@mikro-orm/core';
import { trackingStatuses, type TrackingStatus } from '../domain/tracking-status.js';

export type { TrackingStatus };

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
