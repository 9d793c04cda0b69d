import type { EntityManager } from '@mikro-orm/postgresql';
import { readAheadLoader, type ReadAheadLoader } from '@vitrine/platform';
import type { Studio } from '../store/studio.entity.js';
import { findStudios } from '../use-cases/batch-reads.js';

/** One query per request for the studios of every product listed. */
export function createStudioLoader(em: EntityManager): ReadAheadLoader<string, Studio | null> {
  return readAheadLoader(async (ids) => {
    const studios = await findStudios(em, ids);
    const byId = new Map(studios.map((s) => [s.id, s]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
