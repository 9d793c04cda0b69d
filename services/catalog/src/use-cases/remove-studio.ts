import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFound } from '@vitrine/platform';
import { assertStudioRemovable } from '../domain/studio-removal.js';
import { Product } from '../store/product.entity.js';
import { Studio } from '../store/studio.entity.js';
import { recordAudit } from './record-audit.js';

/**
 * Staff remove a studio no product names (domain/studio-removal.ts). The row
 * goes rather than being archived: nothing customers read points at it, and
 * its history stays readable in the audit log, where the removal entry keeps
 * the studio's last name, country and contact beside its created/updated entries.
 */
export async function removeStudio(em: EntityManager, actor: string, studioId: string): Promise<Studio> {
  return em.transactional(async (tx) => {
    const studio = await tx.findOne(Studio, studioId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!studio) throw new NotFound('Studio', studioId);
    assertStudioRemovable(studio, await tx.count(Product, { studioId }));
    recordAudit(tx, actor, 'studio.removed', studio.id, { name: studio.name, country: studio.country, contactEmail: studio.contactEmail });
    tx.remove(studio);
    return studio;
  });
}

/** One studio, or null. */
export function findStudio(em: EntityManager, studioId: string): Promise<Studio | null> {
  return em.findOne(Studio, studioId);
}
