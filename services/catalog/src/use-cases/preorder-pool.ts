import type { EntityManager } from '@mikro-orm/postgresql';
import { PolicyViolation } from '@vitrine/platform';
import { setPreorderLimit } from './set-preorder-limit.js';
import { preorderPools } from './stock-counters.js';

/**
 * A campaign's run size is what staff announce; the preorder pool counts the
 * units still to come from the maker (arrivals move preorders off it and
 * lower its limit by as much). So when the run size changes, the pool keeps
 * the units already arrived out of its limit: pool limit = run size - arrived.
 * Refused (PREORDER_LIMIT_BELOW_RESERVED) if the new run is smaller than
 * what customers already hold.
 */
export async function applyRunSize(tx: EntityManager, productId: string, runSize: number | null, previousRunSize: number | null, actor: string | null): Promise<void> {
  const pool = (await preorderPools(tx, [productId]))[0];
  const arrived = previousRunSize !== null && pool?.limit != null ? Math.max(0, previousRunSize - pool.limit) : 0;
  const limit = runSize === null ? null : runSize - arrived;
  if (limit !== null && limit < 0) {
    throw new PolicyViolation(`${arrived} units of this run have already arrived; the run cannot be smaller than that.`, 'PREORDER_LIMIT_BELOW_RESERVED', { runSize, arrived });
  }
  // No pool row is an open-ended pool already.
  if ((pool?.limit ?? null) === limit) return;
  await setPreorderLimit(tx, productId, limit, actor);
}

/** The run size a product already has (set when it was created as a limited run), for a window opened without one. */
export async function currentRunSize(tx: EntityManager, productId: string): Promise<number | null> {
  return (await preorderPools(tx, [productId]))[0]?.limit ?? null;
}
