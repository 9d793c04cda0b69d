import type { EntityManager } from '@mikro-orm/postgresql';
import { PolicyViolation } from '@vitrine/platform';
import { setPoolCapacity } from './set-pool-capacity.js';
import { preorderPools } from './stock-counters.js';

/**
 * A campaign's limited quantity is what staff announce; the preorder pool
 * counts the units preorders may still hold (an arrival moves preorders off
 * it and counts them as arrived). So the pool's capacity is the limited
 * quantity less what has arrived. Refused (PREORDER_LIMIT_BELOW_RESERVED) if
 * the new limited quantity is smaller than what customers already hold or
 * already received.
 */
export async function applyLimitedQuantity(tx: EntityManager, productId: string, limitedQuantity: number | null, actor: string | null): Promise<void> {
  const pool = (await preorderPools(tx, [productId]))[0];
  const arrived = pool?.arrived ?? 0;
  const capacity = limitedQuantity === null ? null : limitedQuantity - arrived;
  if (capacity !== null && capacity < 0) {
    throw new PolicyViolation(`${arrived} units of this run have already arrived; the run cannot be smaller than that.`, 'PREORDER_LIMIT_BELOW_RESERVED', {
      // `runSize` is the public extension key (clients may read it); it carries the limited quantity.
      runSize: limitedQuantity,
      arrived,
    });
  }
  // No pool row is an open-ended pool already.
  if ((pool?.capacity ?? null) === capacity) return;
  await setPoolCapacity(tx, productId, capacity, actor);
}

/** The limited quantity a product already has (set when it was created as a limited run), for a window opened without one. */
export async function currentLimitedQuantity(tx: EntityManager, productId: string): Promise<number | null> {
  const pool = (await preorderPools(tx, [productId]))[0];
  return pool?.capacity == null ? null : pool.capacity + pool.arrived;
}
