import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SpecChange } from '../store/spec-change.entity.js';

/** Every listed product's spec changes in one query per request, oldest first. */
export function createSpecHistoryLoader(em: EntityManager): DataLoader<string, SpecChange[]> {
  return new DataLoader(async (productIds) => {
    const rows = await em.find(SpecChange, { productId: { $in: [...productIds] } }, { orderBy: { changedAt: 'asc', id: 'asc' } });
    return productIds.map((id) => rows.filter((r) => r.productId === id));
  });
}
