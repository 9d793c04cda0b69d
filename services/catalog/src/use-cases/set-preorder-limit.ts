import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput } from '@vitrine/platform';
import { assertPreorderLimit, checkPreorderLimit } from '../domain/stock-change.js';
import { lockProduct } from './receive-stock.js';
import { recordAudit } from './record-audit.js';
import { preorderPools, setPoolLimit } from './stock-counters.js';

/**
 * Sets how many units preorders may take (null: open-ended), for a limited
 * run or a campaign's quantity. Refused (POLICY_VIOLATION
 * PREORDER_LIMIT_BELOW_RESERVED) below what preorders already hold. Runs in
 * the caller's transaction when there is one; audited (actor null: the system).
 */
export async function setPreorderLimit(em: EntityManager, productId: string, limit: number | null, actor: string | null = null): Promise<void> {
  const problems = checkPreorderLimit(limit);
  if (problems.length > 0) throw new BadUserInput('The preorder limit is not valid.', problems);
  await em.transactional(async (tx) => {
    await lockProduct(tx, productId);
    const pool = (await preorderPools(tx, [productId]))[0];
    assertPreorderLimit(limit, pool?.reserved ?? 0);
    await setPoolLimit(tx, productId, limit);
    recordAudit(tx, actor, 'product.preorder-limit-set', productId, { from: pool?.limit ?? null, to: limit, reserved: pool?.reserved ?? 0 });
  });
}
