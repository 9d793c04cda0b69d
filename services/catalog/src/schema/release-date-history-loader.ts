import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ReleaseDateChange } from '../store/release-date-change.entity.js';

/** Every listed product's release-date history in one query per request, oldest change first. */
export function createReleaseDateHistoryLoader(em: EntityManager): DataLoader<string, ReleaseDateChange[]> {
  return new DataLoader(async (productIds) => {
    const rows = await em.find(ReleaseDateChange, { productId: { $in: [...productIds] } }, { orderBy: { changedAt: 'asc', id: 'asc' } });
    return productIds.map((id) => rows.filter((r) => r.productId === id));
  });
}
