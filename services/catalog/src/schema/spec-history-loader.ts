import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SpecChange } from '../store/spec-change.entity.js';
import { findSpecChanges } from '../use-cases/batch-reads.js';

/** Every listed product's spec changes in one query per request, oldest first. */
export function createSpecHistoryLoader(em: EntityManager): DataLoader<string, SpecChange[]> {
  return new DataLoader(async (productIds) => {
    const rows = await findSpecChanges(em, productIds);
    return productIds.map((id) => rows.filter((r) => r.productId === id));
  });
}
