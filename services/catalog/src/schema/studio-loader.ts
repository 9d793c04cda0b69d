import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Studio } from '../store/studio.entity.js';

/** One query per request for the studios of every product listed. */
export function createStudioLoader(em: EntityManager): DataLoader<string, Studio | null> {
  return new DataLoader(async (ids) => {
    const studios = await em.find(Studio, { id: { $in: [...ids] } });
    const byId = new Map(studios.map((s) => [s.id, s]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
