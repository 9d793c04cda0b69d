import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry, storeNow } from '@vitrine/platform';

export type NotificationsAuditAction = 'partner.updated' | 'partner.removed';

/** Stages an audit entry (the platform's `audit_entry`: who, what, when) in the caller's transaction. */
export function recordAudit(em: EntityManager, actor: string, action: NotificationsAuditAction, subject: string, details: Record<string, unknown>): void {
  em.persist(em.create(AuditEntry, { id: randomUUID(), actor, action, subject, details, at: storeNow() }));
}
