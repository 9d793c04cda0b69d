/** Steps of a parcel's journey as a carrier (or staff) reports them. */
export const trackingStatuses = ['DISPATCHED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'RETURNED_TO_SENDER'] as const;
export type TrackingStatus = (typeof trackingStatuses)[number];
