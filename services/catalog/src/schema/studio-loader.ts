import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Studio } from '../store/studio.entity.js';
import { findStudios } from '../use-cases/batch-reads.js';

/** One query per request for the studios of every product listed. */
export function createStudioLoader(em: EntityManager): DataLoader<string, Studio | null> {
  return new DataLoader(async (ids) => {
    const studios = await findStudios(em, ids);
    const byId = new Map(studios.map((s) => [s.id, s]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
