import { defineEntity, p } from '@mikro-orm/core';

/** Every provider webhook event applied, by the provider's event id: a redelivery changes nothing. */
export const WebhookEventSchema = defineEntity({
  name: 'WebhookEvent',
  tableName: 'webhook_event',
  properties: {
    provider: p.string().length(16).primary(),
    eventId: p.string().length(255).primary(),
    type: p.string().length(80),
    /** What it did: APPLIED, STALE, DUPLICATE, ANOMALY, IGNORED. */
    outcome: p.string().length(16),
    receivedAt: p.datetime().index(),
  },
});

export class WebhookEvent extends WebhookEventSchema.class {}
WebhookEventSchema.setClass(WebhookEvent);
