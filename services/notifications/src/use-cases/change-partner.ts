import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { partnerRemovedV1 } from '@vitrine/contracts';
import { BadUserInput, Conflict, NotFound, scheduleTimer, storeNow } from '@vitrine/platform';
import { runtimeOf } from '../config/notifications-runtime.js';
import { notifications } from '../identity.js';
import { decidePartnerUpdate, notSentBecause, type PartnerInput } from '../domain/partners.js';
import { Partner } from '../store/partner.entity.js';
import { WebhookDelivery } from '../store/webhook-delivery.entity.js';
import { recordAudit } from './record-audit.js';
import { tableOf } from './table-name.js';
import { deliverWebhookTimer } from './webhooks.js';

/** The partner, locked against a concurrent change or removal for the rest of the transaction. */
async function lockPartner(em: EntityManager, id: string): Promise<Partner> {
  const partner = await em.findOne(Partner, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!partner) throw new NotFound('Partner', id);
  return partner;
}

/**
 * Staff change a partner's name, endpoint or event types (audited). Waiting
 * deliveries read the endpoint when they go out, so they go to the new one;
 * those of an event type it no longer receives are cancelled, saying so.
 */
export async function updatePartner(em: EntityManager, actor: string, id: string, input: Partial<PartnerInput>): Promise<Partner> {
  return em.transactional(async (tx) => {
    const partner = await lockPartner(tx, id);
    const decision = decidePartnerUpdate(partner, input, { allowPlainHttp: runtimeOf(tx).settings.WEBHOOK_ALLOW_PLAIN_HTTP });
    if (decision.kind === 'REMOVED') throw new Conflict(`${partner.name} was removed; it cannot be changed.`, { partnerId: id });
    if (decision.kind === 'REFUSED') throw new BadUserInput('Some partner settings need attention.', decision.problems);
    if (decision.changes.length === 0) return partner;
    Object.assign(partner, decision.settings);
    for (const type of decision.droppedEventTypes) await cancelWaiting(tx, id, notSentBecause.eventTypeDropped(type), type);
    recordAudit(tx, actor, 'partner.updated', id, { changes: decision.changes });
    return partner;
  });
}

/**
 * Staff remove a partner (audited): nothing more is sent to it (what waits is
 * cancelled, saying so), its own token reaches nothing here, its delivery log
 * stays readable by staff. Removing it again changes nothing and returns it.
 * A delivery in flight at that moment finishes first (it holds its row).
 * `notifications.partner.removed` goes out with the removal (same
 * transaction): accounts revokes the partner's API credentials on it.
 */
export async function removePartner(em: EntityManager, actor: string, id: string): Promise<Partner> {
  return em.transactional(async (tx) => {
    const partner = await lockPartner(tx, id);
    if (partner.removedAt) return partner;
    const removedAt = storeNow();
    Object.assign(partner, { removedAt, removedBy: actor, previousSecret: null, previousSecretUntil: null });
    const cancelled = await cancelWaiting(tx, id, notSentBecause.partnerRemoved);
    recordAudit(tx, actor, 'partner.removed', id, { name: partner.name, webhookUrl: partner.webhookUrl, cancelledDeliveries: cancelled });
    notifications.recordEvent(tx, { definition: partnerRemovedV1, subject: id, data: { partnerId: id, removedAt: removedAt.toISOString(), removedBy: actor } });
    return partner;
  });
}

/**
 * Cancels the partner's waiting deliveries (of one event type, or all), then
 * makes the ones still waiting due now: a cancelled one no longer holds back
 * the later events of its subject.
 */
async function cancelWaiting(em: EntityManager, partnerId: string, reason: string, eventType?: string): Promise<number> {
  const cancelled = await em.execute<{ id: string }[]>(
    `update ${tableOf(em, 'webhook_delivery')} set status = 'CANCELLED', cancelled_reason = ?, next_attempt_at = null
      where partner_id = ? and status = 'PENDING' ${eventType ? 'and event_type = ?' : ''}
      returning id`,
    eventType ? [reason, partnerId, eventType] : [reason, partnerId],
  );
  if (eventType && cancelled.length > 0) {
    const now = storeNow();
    const waiting = await em.find(WebhookDelivery, { partnerId, status: 'PENDING' });
    for (const delivery of waiting) await scheduleTimer(em, { kind: deliverWebhookTimer, key: delivery.id, dueAt: now });
  }
  return cancelled.length;
}
