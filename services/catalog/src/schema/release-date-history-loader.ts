import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReleaseDateChange } from '../store/release-date-change.entity.js';
import { findReleaseDateChanges } from '../use-cases/batch-reads.js';

/** Every listed product's release-date history in one query per request, oldest change first. */
export function createReleaseDateHistoryLoader(em: EntityManager): DataLoader<string, ReleaseDateChange[]> {
  return new DataLoader(async (productIds) => {
    const rows = await findReleaseDateChanges(em, productIds);
    return productIds.map((id) => rows.filter((r) => r.productId === id));
  });
}
