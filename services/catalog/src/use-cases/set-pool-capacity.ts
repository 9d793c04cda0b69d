import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput } from '@vitrine/platform';
import { assertCapacityCoversReserved, checkPoolCapacity } from '../domain/stock-change.js';
import { lockProduct } from './receive-stock.js';
import { recordAudit } from './record-audit.js';
import { preorderPools, storePoolCapacity } from './stock-counters.js';

/**
 * Sets how many units preorders may hold (the pool's capacity; null:
 * open-ended), from a campaign's limited quantity. Refused (POLICY_VIOLATION
 * PREORDER_LIMIT_BELOW_RESERVED) below what preorders already hold. Runs in
 * the caller's transaction when there is one; audited (actor null: the system).
 */
export async function setPoolCapacity(em: EntityManager, productId: string, capacity: number | null, actor: string | null = null): Promise<void> {
  const problems = checkPoolCapacity(capacity, 'limitedQuantity');
  if (problems.length > 0) throw new BadUserInput('The limited quantity is not valid.', problems);
  await em.transactional(async (tx) => {
    await lockProduct(tx, productId);
    const pool = (await preorderPools(tx, [productId]))[0];
    assertCapacityCoversReserved(capacity, pool?.reserved ?? 0);
    await storePoolCapacity(tx, productId, capacity);
    // The action's name and detail keys are kept as recorded since the first entry (audit history).
    recordAudit(tx, actor, 'product.preorder-limit-set', productId, { from: pool?.capacity ?? null, to: capacity, reserved: pool?.reserved ?? 0 });
  });
}
