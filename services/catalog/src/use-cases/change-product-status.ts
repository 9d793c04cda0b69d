import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, checkStaffReason, NotFound, storeNow } from '@vitrine/platform';
import type { ProductStatus } from '../domain/product-status.js';
import { Product } from '../store/product.entity.js';
import { moveProductStatus } from './move-product-status.js';
import { followStatusChange } from './preorder-window.js';

export interface StatusChangeCommand {
  productId: string;
  status: ProductStatus;
  reason: string;
}

/**
 * Staff move a product to another status. The product row is locked, so two
 * concurrent changes are decided one after the other; the new status, the
 * audit entry, the events and the preorder window that follows the status
 * (opened on PREORDER, closed on leaving it) commit together, or nothing is written.
 */
export async function changeProductStatus(em: EntityManager, actor: string, command: StatusChangeCommand): Promise<Product> {
  const { reason, problems } = checkStaffReason(command.reason);
  if (problems.length > 0) throw new BadUserInput('Please give a reason.', problems);
  return em.transactional(async (tx) => {
    const product = await tx.findOne(Product, command.productId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!product) throw new NotFound('Product', command.productId);
    const now = storeNow();
    moveProductStatus(tx, product, command.status, reason, actor, now);
    await followStatusChange(tx, product, reason, actor, now);
    return product;
  });
}
