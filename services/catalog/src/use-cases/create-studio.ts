import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, Conflict } from '@vitrine/platform';
import { checkNewStudio, type NewStudioInput } from '../domain/new-studio.js';
import { Studio } from '../store/studio.entity.js';
import { recordAudit } from './record-audit.js';

/** Staff add a studio; the studio and its audit entry commit together. Names are unique. */
export async function createStudio(em: EntityManager, actor: string | null, input: NewStudioInput): Promise<Studio> {
  const { studio: clean, problems } = checkNewStudio(input);
  if (problems.length > 0) throw new BadUserInput('Some studio fields are not valid.', problems);
  try {
    return await em.transactional(async (tx) => {
      const studio = tx.create(Studio, { id: randomUUID(), ...clean });
      tx.persist(studio);
      recordAudit(tx, actor, 'studio.created', studio.id, { ...clean });
      return studio;
    });
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) throw new Conflict(`A studio named ${clean.name} already exists.`, { field: 'name' });
    throw err;
  }
}

export function listStudios(em: EntityManager): Promise<Studio[]> {
  return em.find(Studio, {}, { orderBy: { name: 'asc' } });
}
