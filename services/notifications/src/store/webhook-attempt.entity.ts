import { defineEntity, p } from '@mikro-orm/core';

/** The webhook delivery log: each try, the partner's response code (null: no answer) and the latency. */
export const WebhookAttemptSchema = defineEntity({
  name: 'WebhookAttempt',
  tableName: 'webhook_attempt',
  properties: {
    id: p.uuid().primary(),
    deliveryId: p.uuid().index(),
    attemptedAt: p.datetime(3),
    statusCode: p.integer().nullable(),
    error: p.text().nullable(),
    latencyMs: p.integer(),
  },
});

export class WebhookAttempt extends WebhookAttemptSchema.class {}
WebhookAttemptSchema.setClass(WebhookAttempt);
