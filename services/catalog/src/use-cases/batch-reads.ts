import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '@vitrine/platform';
import { PreorderCampaign } from '../store/preorder-campaign.entity.js';
import { Product } from '../store/product.entity.js';
import { ReleaseDateChange } from '../store/release-date-change.entity.js';
import { SpecChange } from '../store/spec-change.entity.js';
import { Studio } from '../store/studio.entity.js';

// The reads behind the schema's per-request DataLoaders: one statement for a whole batch of ids. They only
// render answers (a use case that changes an entity loads it itself), so nothing they return joins the unit
// of work: registering and snapshotting every row for change detection cost more than the query.
const readOnly = { disableIdentityMap: true } as const;

/** The products among these ids (ids that are not uuids match nothing). */
export function findProducts(em: EntityManager, ids: readonly string[]): Promise<Product[]> {
  const valid = ids.filter(isUuid);
  return valid.length ? em.find(Product, { id: { $in: valid } }, readOnly) : Promise.resolve([]);
}

export function findStudios(em: EntityManager, ids: readonly string[]): Promise<Studio[]> {
  return em.find(Studio, { id: { $in: [...ids] } }, readOnly);
}

/** The preorder windows of these products (at most one each). */
export function findPreorderCampaigns(em: EntityManager, productIds: readonly string[]): Promise<PreorderCampaign[]> {
  return em.find(PreorderCampaign, { productId: { $in: [...productIds] } }, readOnly);
}

/** These products' spec changes, oldest first. */
export function findSpecChanges(em: EntityManager, productIds: readonly string[]): Promise<SpecChange[]> {
  return em.find(SpecChange, { productId: { $in: [...productIds] } }, { orderBy: { changedAt: 'asc', id: 'asc' }, ...readOnly });
}

/** These products' release-date changes, oldest first. */
export function findReleaseDateChanges(em: EntityManager, productIds: readonly string[]): Promise<ReleaseDateChange[]> {
  return em.find(ReleaseDateChange, { productId: { $in: [...productIds] } }, { orderBy: { changedAt: 'asc', id: 'asc' }, ...readOnly });
}
