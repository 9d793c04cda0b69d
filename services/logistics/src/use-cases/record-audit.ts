import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry, storeNow } from '@vitrine/platform';

export type LogisticsAuditAction =
  | 'rate-table.published'
  | 'shipment.parcel-recorded'
  | 'shipment.consolidated'
  | 'shipment.extra-shipping-waived'
  | 'shipment.dispatched'
  | 'shipment.tracking-recorded'
  | 'shipment.address-changed'
  | 'shipment.address-change-not-applied'
  | 'shipment.replacement-opened';

/** Stages an audit entry in the caller's transaction. */
export function recordAudit(em: EntityManager, actor: string | null, action: LogisticsAuditAction, subject: string, details: Record<string, unknown>): void {
  em.persist(em.create(AuditEntry, { id: randomUUID(), actor, action, subject, details, at: storeNow() }));
}
