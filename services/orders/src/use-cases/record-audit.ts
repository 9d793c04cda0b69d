import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry, storeNow } from '@vitrine/platform';

export type OrdersAuditAction =
  | 'policy.published'
  | 'order.cancelled-by-staff'
  | 'order.fees-waived'
  | 'order.shipping-date-confirmed'
  | 'order.fulfilment-started'
  | 'order.shipped'
  | 'order.delivered'
  | 'order.returned-to-sender'
  | 'order.shipment-step-ignored'
  | 'order.replacement-parcel-ignored'
  | 'order.payment-overdue-after-shipment'
  | 'sandbox.clock-advanced';

/** Stages an audit entry in the caller's transaction. */
export function recordAudit(em: EntityManager, actor: string | null, action: OrdersAuditAction, subject: string, details: Record<string, unknown>): void {
  em.persist(em.create(AuditEntry, { id: randomUUID(), actor, action, subject, details, at: storeNow() }));
}
