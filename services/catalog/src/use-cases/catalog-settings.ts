import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, storeNow } from '@vitrine/platform';
import { checkWaitlistOfferHours } from '../domain/product-interest.js';
import { CatalogSetting } from '../store/catalog-setting.entity.js';
import { recordAudit } from './record-audit.js';

/** The store's catalog settings (the row the migrations write, then staff change). */
export async function catalogSettings(em: EntityManager): Promise<CatalogSetting> {
  return em.findOneOrFail(CatalogSetting, 1);
}

/** Staff change how long a waitlist offer holds units; offers already made keep their expiry. */
export async function setWaitlistOfferHours(em: EntityManager, actor: string, hours: number): Promise<CatalogSetting> {
  const problems = checkWaitlistOfferHours(hours);
  if (problems.length > 0) throw new BadUserInput('The offer duration is not valid.', problems);
  return em.transactional(async (tx) => {
    const settings = await tx.findOneOrFail(CatalogSetting, 1, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const now = storeNow();
    recordAudit(tx, actor, 'settings.changed', 'catalog', { setting: 'waitlistOfferHours', from: settings.waitlistOfferHours, to: hours }, now);
    Object.assign(settings, { waitlistOfferHours: hours, updatedAt: now, updatedBy: actor });
    return settings;
  });
}
