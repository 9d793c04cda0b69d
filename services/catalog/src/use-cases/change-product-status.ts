import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { productReleasedV1, productStatusChangedV1 } from '@vitrine/contracts';
import { BadUserInput, NotFound, recordEvent } from '@vitrine/platform';
import { assertStatusChange, type ProductStatus } from '../domain/product-status.js';
import { checkStaffReason } from '../domain/staff-reason.js';
import { Product } from '../store/product.entity.js';
import { catalogSource } from './create-product.js';
import { recordAudit } from './record-audit.js';

export interface StatusChangeCommand {
  productId: string;
  status: ProductStatus;
  reason: string;
}

/**
 * Staff move a product to another status. The product row is locked, so two
 * concurrent changes are decided one after the other; the new status, the
 * audit entry and ProductStatusChanged (plus ProductReleased on release)
 * commit together, or nothing is written.
 */
export async function changeProductStatus(em: EntityManager, actor: string, command: StatusChangeCommand): Promise<Product> {
  const { reason, problems } = checkStaffReason(command.reason);
  if (problems.length > 0) throw new BadUserInput('Please give a reason.', problems);
  return em.transactional(async (tx) => {
    const product = await tx.findOne(Product, command.productId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!product) throw new NotFound('Product', command.productId);
    const from = product.status;
    const to = command.status;
    assertStatusChange(from, to);

    const now = new Date();
    product.status = to;
    recordAudit(tx, actor, 'product.status-changed', product.id, { from, to, reason }, now);
    recordEvent(tx, { source: catalogSource, definition: productStatusChangedV1, subject: product.id, data: { productId: product.id, from, to, reason, actorId: actor } });
    if (to === 'RELEASED') {
      recordEvent(tx, { source: catalogSource, definition: productReleasedV1, subject: product.id, data: { productId: product.id, releasedAt: now.toISOString() } });
    }
    return product;
  });
}
