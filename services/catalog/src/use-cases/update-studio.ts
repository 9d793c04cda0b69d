import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, Conflict, NotFound } from '@vitrine/platform';
import { checkNewStudio, type NewStudioInput } from '../domain/new-studio.js';
import { emptyPatchProblems } from '../domain/product-update.js';
import { Studio } from '../store/studio.entity.js';
import { recordAudit } from './record-audit.js';

export type StudioPatch = { [K in keyof NewStudioInput]?: NewStudioInput[K] | null };

/**
 * Staff correct a studio's name, country or contact. The given fields are
 * checked like a new studio's; the audit entry carries each changed field
 * before and after. Giving the values it already has changes nothing.
 */
export async function updateStudio(em: EntityManager, actor: string, studioId: string, patch: StudioPatch): Promise<Studio> {
  // null is "not given" too: every studio field is required.
  const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined && v !== null)) as Partial<NewStudioInput>;
  const empty = emptyPatchProblems(given);
  if (empty.length > 0) throw new BadUserInput('Nothing to change.', empty);
  try {
    return await em.transactional(async (tx) => {
      const studio = await tx.findOne(Studio, studioId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!studio) throw new NotFound('Studio', studioId);
      const current = { name: studio.name, country: studio.country, contactEmail: studio.contactEmail };
      const { studio: clean, problems } = checkNewStudio({ ...current, ...given });
      const own = problems.filter((p) => p.field in given);
      if (own.length > 0) throw new BadUserInput('Some studio fields are not valid.', own);
      const changes = (Object.keys(current) as (keyof typeof current)[]).filter((k) => clean[k] !== current[k]);
      if (changes.length === 0) return studio;
      Object.assign(studio, clean);
      recordAudit(tx, actor, 'studio.updated', studio.id, { changes: Object.fromEntries(changes.map((k) => [k, { from: current[k], to: clean[k] }])) });
      return studio;
    });
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) throw new Conflict(`A studio named ${patch.name?.trim()} already exists.`, { field: 'name' });
    throw err;
  }
}
