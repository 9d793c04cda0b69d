import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, Conflict, NotFound, Unauthenticated, scheduleTimer, storeNow } from '@vitrine/platform';
import { runtimeOf } from '../config/notifications-runtime.js';
import { checkPartnerInput, normalizedSettings, secretOverlapMs, type PartnerInput } from '../domain/partners.js';
import { Partner } from '../store/partner.entity.js';
import { WebhookAttempt } from '../store/webhook-attempt.entity.js';
import { WebhookDelivery } from '../store/webhook-delivery.entity.js';
import { tableOf } from './table-name.js';
import { deliverWebhookTimer } from './webhooks.js';

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

export async function createPartner(em: EntityManager, input: PartnerInput): Promise<Partner> {
  const problems = checkPartnerInput(input, { allowPlainHttp: runtimeOf(em).settings.WEBHOOK_ALLOW_PLAIN_HTTP });
  if (problems.length > 0) throw new BadUserInput('Some partner settings need attention.', problems);
  const partner = em.create(Partner, {
    id: randomUUID(),
    ...normalizedSettings(input),
    secret: newSecret(),
    previousSecret: null,
    previousSecretUntil: null,
    enabled: true,
    disabledReason: null,
    createdAt: storeNow(),
    removedAt: null,
    removedBy: null,
  });
  await em.persist(partner).flush();
  return partner;
}

export function listPartners(em: EntityManager): Promise<Partner[]> {
  return em.find(Partner, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

export async function findPartner(em: EntityManager, id: string): Promise<Partner> {
  const partner = await em.findOne(Partner, id);
  if (!partner) throw new NotFound('Partner', id);
  return partner;
}

/** A partner staff act on: a removed one is kept for its log, but nothing more is done for it. */
async function findActivePartner(em: EntityManager, id: string): Promise<Partner> {
  const partner = await findPartner(em, id);
  if (partner.removedAt) throw new Conflict(`${partner.name} was removed; nothing more is sent to it.`, { partnerId: id });
  return partner;
}

/**
 * The partner a partner application's token names. A removed partner's
 * credentials stop working here at once (accounts revokes them for new tokens).
 */
export async function findOwnPartner(em: EntityManager, id: string): Promise<Partner> {
  const partner = await em.findOne(Partner, id);
  if (!partner || partner.removedAt) throw new Unauthenticated('This partner application was removed: its credentials no longer work.');
  return partner;
}

/** A new secret; the old one keeps signing alongside it for the overlap, so the partner can switch without losing a delivery. */
export async function rotatePartnerSecret(em: EntityManager, id: string): Promise<Partner> {
  return em.transactional(async (tx) => {
    const partner = await findActivePartner(tx, id);
    Object.assign(partner, { previousSecret: partner.secret, previousSecretUntil: new Date(storeNow().getTime() + secretOverlapMs), secret: newSecret() });
    return partner;
  });
}

/** Enables the endpoint again: its pending deliveries go out at once, in order. */
export async function enablePartner(em: EntityManager, id: string): Promise<Partner> {
  return em.transactional(async (tx) => {
    const partner = await findActivePartner(tx, id);
    Object.assign(partner, { enabled: true, disabledReason: null });
    await rearmPending(tx, id);
    return partner;
  });
}

async function rearmPending(em: EntityManager, partnerId: string): Promise<void> {
  const now = storeNow();
  const pending = await em.find(WebhookDelivery, { partnerId, status: 'PENDING' });
  for (const delivery of pending) await scheduleTimer(em, { kind: deliverWebhookTimer, key: delivery.id, dueAt: now });
}

/**
 * Sends again every event the partner was sent since `since` (or since the
 * event `afterEventId` was first sent to it), as new deliveries in their
 * original order, with their original webhook ids (a partner dedupes by id),
 * of the event types it still receives.
 */
export async function replayPartnerEvents(em: EntityManager, partnerId: string, from: { since?: Date | null; afterEventId?: string | null }): Promise<number> {
  return em.transactional(async (tx) => {
    await findActivePartner(tx, partnerId);
    let since = from.since ?? null;
    if (from.afterEventId) {
      const first = await tx.findOne(WebhookDelivery, { partnerId, eventId: from.afterEventId, replayOf: null });
      if (!first) throw new NotFound('Event delivery', from.afterEventId);
      since = first.createdAt;
    }
    if (!since) throw new BadUserInput('Say where to replay from.', [{ field: 'since', reason: 'REQUIRED', message: 'Give since or afterEventId.' }]);
    const now = storeNow();
    const copies = await tx.execute<{ id: string }[]>(
      `insert into ${tableOf(tx, 'webhook_delivery')} (id, partner_id, event_id, event_type, subject, payload, status, attempts, created_at, next_attempt_at, replay_of)
       select gen_random_uuid(), partner_id, event_id, event_type, subject, payload, 'PENDING', 0, ?, ?, id
         from ${tableOf(tx, 'webhook_delivery')}
        where partner_id = ? and replay_of is null and created_at ${from.afterEventId ? '>' : '>='} ?
          and event_type = any(select unnest(event_types) from ${tableOf(tx, 'partner')} where id = ?)
        order by seq
       returning id`,
      [now, now, partnerId, since, partnerId],
    );
    for (const { id } of copies) await scheduleTimer(tx, { kind: deliverWebhookTimer, key: id, dueAt: now });
    return copies.length;
  });
}

/** A partner's deliveries, newest first, each with its tries. */
export async function partnerDeliveries(
  em: EntityManager,
  partnerId: string,
  first: number,
): Promise<{ delivery: WebhookDelivery; attempts: WebhookAttempt[] }[]> {
  await findPartner(em, partnerId);
  const deliveries = await em.find(WebhookDelivery, { partnerId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first });
  const attempts = deliveries.length
    ? await em.find(WebhookAttempt, { deliveryId: { $in: deliveries.map((d) => d.id) } }, { orderBy: { attemptedAt: 'asc' } })
    : [];
  return deliveries.map((delivery) => ({ delivery, attempts: attempts.filter((a) => a.deliveryId === delivery.id) }));
}
