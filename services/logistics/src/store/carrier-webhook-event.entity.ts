import { defineEntity, p } from '@mikro-orm/core';

/** Every carrier webhook delivery taken, by the carrier's event id: a redelivery changes nothing. */
export const CarrierWebhookEventSchema = defineEntity({
  name: 'CarrierWebhookEvent',
  tableName: 'carrier_webhook_event',
  properties: {
    carrier: p.string().length(40).primary(),
    eventId: p.string().length(255).primary(),
    trackingNumber: p.string().length(80),
    /** The step as the carrier named it. */
    reportedStatus: p.string().length(40),
    /** What it did: APPLIED, STALE (the parcel's journey was over), IGNORED (a step we do not track), UNKNOWN (no parcel of this carrier has that number). */
    outcome: p.string().length(16),
    receivedAt: p.datetime(3).index(),
  },
});

export class CarrierWebhookEvent extends CarrierWebhookEventSchema.class {}
CarrierWebhookEventSchema.setClass(CarrierWebhookEvent);
