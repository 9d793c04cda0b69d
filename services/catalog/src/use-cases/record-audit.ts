import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry, storeNow } from '@vitrine/platform';

export type CatalogAuditAction =
  | 'product.created'
  | 'studio.created'
  | 'product.status-changed'
  | 'product.release-date-changed'
  | 'product.sale-rules-changed'
  | 'warehouse.created'
  | 'warehouse.updated'
  | 'warehouse.retired'
  | 'stock.received'
  | 'stock.adjusted'
  | 'stock.transferred'
  | 'product.arrived'
  | 'product.preorder-limit-set'
  | 'product.updated'
  | 'product.price-changed'
  | 'product.spec-changed'
  | 'studio.updated'
  | 'studio.removed'
  | 'preorder.scheduled'
  | 'preorder.opened'
  | 'preorder.terms-changed'
  | 'preorder.closed'
  | 'preorder.reopened'
  | 'settings.changed';

/** Stages an audit entry in the caller's transaction. */
export function recordAudit(
  em: EntityManager,
  actor: string | null,
  action: CatalogAuditAction,
  subject: string,
  details: Record<string, unknown>,
  at = storeNow(),
): void {
  em.persist(em.create(AuditEntry, { id: randomUUID(), actor, action, subject, details, at }));
}
