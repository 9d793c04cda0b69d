import type { EntityManager } from '@mikro-orm/postgresql';
import { PolicyViolation } from '@vitrine/platform';
import { setPreorderLimit } from './set-preorder-limit.js';
import { preorderPools } from './stock-counters.js';

/**
 * A campaign's run size is what staff announce; the preorder pool counts the
 * units still to come from the maker (an arrival moves preorders off it and
 * counts them as arrived). So the pool's limit is the run size less what has
 * arrived. Refused (PREORDER_LIMIT_BELOW_RESERVED) if the new run is smaller
 * than what customers already hold or already received.
 */
export async function applyRunSize(tx: EntityManager, productId: string, runSize: number | null, actor: string | null): Promise<void> {
  const pool = (await preorderPools(tx, [productId]))[0];
  const arrived = pool?.arrived ?? 0;
  const limit = runSize === null ? null : runSize - arrived;
  if (limit !== null && limit < 0) {
    throw new PolicyViolation(`${arrived} units of this run have already arrived; the run cannot be smaller than that.`, 'PREORDER_LIMIT_BELOW_RESERVED', {
      runSize,
      arrived,
    });
  }
  // No pool row is an open-ended pool already.
  if ((pool?.limit ?? null) === limit) return;
  await setPreorderLimit(tx, productId, limit, actor);
}

/** The run size a product already has (set when it was created as a limited run), for a window opened without one. */
export async function currentRunSize(tx: EntityManager, productId: string): Promise<number | null> {
  const pool = (await preorderPools(tx, [productId]))[0];
  return pool?.limit == null ? null : pool.limit + pool.arrived;
}
