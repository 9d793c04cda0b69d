import { defineEntity, p } from '@mikro-orm/core';

/**
 * One event for one partner: the public envelope as sent, and how its
 * delivery goes. A `seq` column (identity, not mapped here: rows are inserted
 * in SQL) orders a partner's deliveries, so one order's events reach it in
 * the order they happened. A replay is a new row pointing at the first.
 */
export const WebhookDeliverySchema = defineEntity({
  name: 'WebhookDelivery',
  tableName: 'webhook_delivery',
  properties: {
    id: p.uuid().primary(),
    partnerId: p.uuid(),
    eventId: p.uuid(),
    eventType: p.string().length(120),
    /** The event's aggregate (an order, a product): deliveries of one subject go in order. */
    subject: p.string().length(120),
    payload: p.json<Record<string, unknown>>(),
    status: p.string().length(16),
    attempts: p.integer(),
    lastStatusCode: p.integer().nullable(),
    lastError: p.text().nullable(),
    lastLatencyMs: p.integer().nullable(),
    createdAt: p.datetime(3),
    deliveredAt: p.datetime(3).nullable(),
    nextAttemptAt: p.datetime(3).nullable(),
    replayOf: p.uuid().nullable(),
    /** Why a `CANCELLED` delivery was never sent (the partner removed, or no longer receiving its event type). */
    cancelledReason: p.text().nullable(),
  },
});

export class WebhookDelivery extends WebhookDeliverySchema.class {}
WebhookDeliverySchema.setClass(WebhookDelivery);
