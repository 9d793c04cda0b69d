import type { EntityManager } from '@mikro-orm/postgresql';
import { productReleasedV1, productStatusChangedV1 } from '@vitrine/contracts';
import { assertStatusChange, type ProductStatus } from '../domain/product-status.js';
import type { Product } from '../store/product.entity.js';
import { recordAudit } from './record-audit.js';
import { catalog } from '../identity.js';

/**
 * Moves a locked product to another status inside the caller's transaction:
 * the audit entry and ProductStatusChanged (plus ProductReleased on release)
 * are staged with it. Staff changes, scheduled preorder windows and sold-out
 * runs all move status through here, so every move obeys the same table.
 */
export function moveProductStatus(tx: EntityManager, product: Product, to: ProductStatus, reason: string, actor: string, now: Date): void {
  const from = product.status;
  assertStatusChange(from, to);
  product.status = to;
  recordAudit(tx, actor, 'product.status-changed', product.id, { from, to, reason }, now);
  catalog.recordEvent(tx, { definition: productStatusChangedV1, subject: product.id, data: { productId: product.id, from, to, reason, actorId: actor } });
  if (to === 'RELEASED') {
    catalog.recordEvent(tx, { definition: productReleasedV1, subject: product.id, data: { productId: product.id, releasedAt: now.toISOString() } });
  }
}
