import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { specChangedV1 } from '@vitrine/contracts';
import { BadUserInput, NotFound, storeNow } from '@vitrine/platform';
import { assertSpecOpen, checkSpecChangeInput, type SpecChangeInput, type SpecFieldChange } from '../domain/spec-change.js';
import { Product } from '../store/product.entity.js';
import { SpecChange } from '../store/spec-change.entity.js';
import { recordAudit } from './record-audit.js';
import { catalog } from '../identity.js';

export interface SpecChangeCommand extends SpecChangeInput {
  productId: string;
}

/**
 * Staff record a spec change the product fields do not capture (a new paint
 * finish, a redesigned base...), before release. The history row, the audit
 * entry and SpecChanged commit together; the product row is locked so the
 * history is in the order changes were decided.
 */
export async function recordSpecChange(em: EntityManager, actor: string, command: SpecChangeCommand): Promise<Product> {
  const input = checkSpecChangeInput(command);
  if (input.problems.length > 0) throw new BadUserInput('Some spec change fields are not valid.', input.problems);
  return em.transactional(async (tx) => {
    const product = await tx.findOne(Product, command.productId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!product) throw new NotFound('Product', command.productId);
    assertSpecOpen(product.status);
    stageSpecChange(tx, actor, product.id, { changes: input.changes, description: input.description, reason: input.reason });
    return product;
  });
}

/** Stages a spec-change history row, its audit entry and SpecChanged in the caller's transaction (also used by updateProduct). */
export function stageSpecChange(
  tx: EntityManager,
  actor: string,
  productId: string,
  change: { changes: SpecFieldChange[]; description: string | null; reason: string },
  now = storeNow(),
): void {
  const row = tx.create(SpecChange, { id: randomUUID(), productId, ...change, changedBy: actor, changedAt: now });
  tx.persist(row);
  recordAudit(tx, actor, 'product.spec-changed', productId, { specChangeId: row.id, ...change }, now);
  catalog.recordEvent(tx, {
    definition: specChangedV1,
    subject: productId,
    data: { productId, specChangeId: row.id, ...change, changedAt: now.toISOString(), actorId: actor },
  });
}
