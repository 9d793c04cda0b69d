import type { ShipmentStatus } from './shipment-status.js';
import type { TrackingStatus } from './tracking-status.js';

/** The steps a carrier reports after the dispatch (the dispatch itself is recorded by logistics). */
export const carrierStepStatuses = ['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'RETURNED_TO_SENDER'] as const satisfies readonly TrackingStatus[];
export type CarrierStepStatus = (typeof carrierStepStatuses)[number];

export function isCarrierStepStatus(value: string): value is CarrierStepStatus {
  return (carrierStepStatuses as readonly string[]).includes(value);
}

/**
 * What a carrier's step does to a parcel. Carriers deliver their events late,
 * twice and out of order: a step is recorded while the parcel is on its way;
 * once delivered or back at the sender the journey is over, and a step that
 * arrives after that (a late "out for delivery", a second "delivered") is
 * stale: acknowledged, never moving the parcel back.
 */
export function carrierStepEffect(status: ShipmentStatus): 'APPLY' | 'STALE' {
  return status === 'DISPATCHED' ? 'APPLY' : 'STALE';
}

/**
 * When a carrier's step is recorded: when it says it happened, kept between
 * the dispatch and now. A carrier's clock a little ahead of ours, or a pickup
 * scan stamped just before staff recorded the dispatch, must not refuse a
 * true step (the carrier would retry it forever); no time given: now.
 */
export function carrierStepTime(occurredAt: Date | null, dispatchedAt: Date | null, now: Date): Date {
  let at = occurredAt && !Number.isNaN(occurredAt.getTime()) ? occurredAt : now;
  if (at > now) at = now;
  if (dispatchedAt && at < dispatchedAt) at = dispatchedAt;
  return at;
}
