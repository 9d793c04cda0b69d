import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry, storeNow } from '@vitrine/platform';

export type AftersalesAuditAction =
  | 'claim.review-started'
  | 'claim.decided'
  | 'claim.evidence-requested'
  | 'claim.refused'
  | 'claim.resolution-chosen'
  | 'claim.return-received'
  | 'claim.closed'
  | 'claim.replacement-dispatched'
  | 'claim.exchange-unit-held'
  | 'claim.exchange-unit-unavailable'
  | 'return.requested'
  | 'return.received';

/** Stages an audit entry in the caller's transaction. */
export function recordAudit(em: EntityManager, actor: string | null, action: AftersalesAuditAction, subject: string, details: Record<string, unknown>): void {
  em.persist(em.create(AuditEntry, { id: randomUUID(), actor, action, subject, details, at: storeNow() }));
}
