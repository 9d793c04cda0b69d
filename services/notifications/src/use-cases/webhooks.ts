import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isPublicEvent, publicTopicOf, type EventDefinition, type EventEnvelope } from '@vitrine/contracts';
import { onTimer, scheduleTimer, scheduleTimers, storeNow, type TimerHandler } from '@vitrine/platform';
import { Webhook } from 'standardwebhooks';
import { runtimeOf } from '../config/notifications-runtime.js';
import { afterFailedAttempt } from '../domain/delivery.js';
import { deliveryFate, isDelivered, isPartnerEventType, signingSecrets } from '../domain/partners.js';
import { notifications } from '../identity.js';
import { Partner } from '../store/partner.entity.js';
import { WebhookAttempt } from '../store/webhook-attempt.entity.js';
import { WebhookDelivery } from '../store/webhook-delivery.entity.js';
import { tableOf } from './table-name.js';

export const deliverWebhookTimer = 'webhook.deliver';

/** What partners receive: the event's public envelope, never a table of ours. */
function publicPayload(event: EventEnvelope<unknown>): Record<string, unknown> {
  const { id, type, version, source, time, subject, data } = event;
  return { id, type, version, source, time, subject, data };
}

/**
 * Stages one delivery per partner subscribed to each event's type, in the
 * consumer's transaction, in one statement for a batch of events; a
 * redelivered event adds none (unique per partner and event). Rows are
 * numbered in the events' order, so one subject's deliveries keep it.
 */
export async function fanOutToPartners(em: EntityManager, events: readonly EventEnvelope<unknown>[]): Promise<void> {
  const forPartners = events.filter((event) => isPartnerEventType(event.type));
  if (forPartners.length === 0) return;
  const now = storeNow();
  const rows = await em.execute<{ id: string }[]>(
    `insert into ${tableOf(em, 'webhook_delivery')} (id, partner_id, event_id, event_type, subject, payload, status, attempts, created_at, next_attempt_at)
     select gen_random_uuid(), p.id, e.id, e.type, e.subject, e.payload, 'PENDING', 0, ?, ?
       from jsonb_to_recordset(?::jsonb) as e(ord int, id uuid, type text, subject text, payload jsonb)
       join ${tableOf(em, 'partner')} p on e.type = any(p.event_types) and p.removed_at is null
      order by e.ord, p.id
     on conflict (partner_id, event_id) where replay_of is null do nothing
     returning id`,
    [
      now,
      now,
      JSON.stringify(
        forPartners.map((event, ord) => ({ ord, id: event.id, type: event.type, subject: event.subject.slice(0, 120), payload: publicPayload(event) })),
      ),
    ],
  );
  await scheduleTimers(
    em,
    rows.map(({ id }) => ({ kind: deliverWebhookTimer, key: id, dueAt: now })),
  );
}

/**
 * Partners who read Kafka get the same public envelope on the event's public
 * topic, staged in the consumer's transaction (exactly once with its inbox),
 * keyed by subject so one order's events stay in order.
 */
export function forwardToPublicTopic(em: EntityManager, definition: EventDefinition, event: EventEnvelope<unknown>): void {
  if (!isPublicEvent(definition)) return;
  notifications.forwardEvent(em, { topic: publicTopicOf(definition.topic)!, envelope: publicPayload(event) as { id: string; type: string; subject: string } });
}

/**
 * Delivers one event to one partner, in the transaction of its timer (several
 * run at once, WEBHOOK_CONCURRENCY). A delivery waits while an earlier one of
 * the same subject (an order) is still pending for that partner, so a partner
 * sees an order's events in order: the earlier one commits DELIVERED before a
 * later one can read it so, and its success makes the next one due at once. A
 * 2xx answer delivers it; anything else is logged and retried with backoff;
 * when the tries run out, the delivery FAILED and the partner's endpoint is
 * disabled (its pending deliveries wait until it is enabled again). It goes
 * to the endpoint the partner has when its turn comes; a removed partner, or
 * an event type no longer granted, cancels it instead.
 */
export async function deliverWebhook(em: EntityManager, deliveryId: string): Promise<void> {
  const delivery = await em.findOne(WebhookDelivery, deliveryId, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!delivery || delivery.status !== 'PENDING') return;
  const partner = await em.findOneOrFail(Partner, delivery.partnerId);
  const fate = deliveryFate(partner, delivery.eventType);
  if (!fate.send) {
    // Removed, or no longer receiving this type, since it was queued (a race with the change, or a replay).
    Object.assign(delivery, { status: 'CANCELLED', cancelledReason: fate.reason, nextAttemptAt: null });
    await nextOfSubjectDue(em, delivery);
    await em.flush();
    return;
  }
  if (!partner.enabled) return; // re-armed when the endpoint is enabled again
  const runtime = runtimeOf(em);
  const earlier = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from ${tableOf(em, 'webhook_delivery')} d
      where d.partner_id = ? and d.subject = ? and d.status = 'PENDING'
        and d.seq < (select seq from ${tableOf(em, 'webhook_delivery')} where id = ?)`,
    [delivery.partnerId, delivery.subject, delivery.id],
  );
  if ((earlier[0]?.n ?? 0) > 0) {
    // Not a failure: it goes after the earlier one, whose success arms it (nextOfSubjectDue). A
    // FAILED one disables the endpoint, and enabling it arms every pending delivery; so this later
    // look is only a backstop, as rare as the slowest retry, not a poll.
    await scheduleTimer(em, { kind: deliverWebhookTimer, key: delivery.id, dueAt: new Date(storeNow().getTime() + runtime.webhookRetry.maxMs) });
    return;
  }

  const body = JSON.stringify(delivery.payload);
  const sentAt = new Date();
  const webhookId = String(delivery.payload.id);
  const signature = signingSecrets(partner, storeNow())
    .map((secret) => new Webhook(secret).sign(webhookId, sentAt, body))
    .join(' ');
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(partner.webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': webhookId,
        'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'webhook-signature': signature,
        'user-agent': 'Vitrine-Webhooks/1',
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(runtime.settings.WEBHOOK_TIMEOUT_MS),
    });
    statusCode = res.status;
    await res.body?.cancel();
  } catch (err) {
    error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  }
  const latencyMs = Math.round(performance.now() - started);
  em.persist(em.create(WebhookAttempt, { id: randomUUID(), deliveryId: delivery.id, attemptedAt: storeNow(), statusCode, error, latencyMs }));
  const attempts = delivery.attempts + 1;
  Object.assign(delivery, {
    attempts,
    lastStatusCode: statusCode,
    lastError: error ?? (isDelivered(statusCode) ? null : `HTTP ${statusCode}`),
    lastLatencyMs: latencyMs,
  });
  if (isDelivered(statusCode)) {
    Object.assign(delivery, { status: 'DELIVERED', deliveredAt: storeNow(), nextAttemptAt: null });
    await nextOfSubjectDue(em, delivery);
  } else {
    const next = afterFailedAttempt(attempts, runtime.webhookRetry);
    if (next.giveUp) {
      Object.assign(delivery, { status: 'FAILED', nextAttemptAt: null });
      Object.assign(partner, { enabled: false, disabledReason: `Delivery ${delivery.id} failed ${attempts} times (last: ${delivery.lastError}).` });
    } else {
      const dueAt = new Date(storeNow().getTime() + next.retryInMs);
      delivery.nextAttemptAt = dueAt;
      await scheduleTimer(em, { kind: deliverWebhookTimer, key: delivery.id, dueAt });
    }
  }
  await em.flush();
}

/**
 * Makes the partner's next pending delivery of the same subject due now, in
 * the transaction that delivers this one. If that one is firing at this very
 * moment (it will find this one still pending and step back), the upsert waits
 * for its timer row and then moves the timer it re-armed, so none is left waiting.
 */
async function nextOfSubjectDue(em: EntityManager, delivered: WebhookDelivery): Promise<void> {
  const next = await em.execute<{ id: string }[]>(
    `select id from ${tableOf(em, 'webhook_delivery')}
      where partner_id = ? and subject = ? and status = 'PENDING'
        and seq > (select seq from ${tableOf(em, 'webhook_delivery')} where id = ?)
      order by seq limit 1`,
    [delivered.partnerId, delivered.subject, delivered.id],
  );
  if (next[0]) await scheduleTimer(em, { kind: deliverWebhookTimer, key: next[0].id, dueAt: storeNow() });
}

export const webhookTimers: TimerHandler[] = [onTimer(deliverWebhookTimer, (timer, em) => deliverWebhook(em, timer.key))];
