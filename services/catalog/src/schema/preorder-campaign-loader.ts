import type { EntityManager } from '@mikro-orm/postgresql';
import { readAheadLoader, type ReadAheadLoader } from '@vitrine/platform';
import type { PreorderCampaign } from '../store/preorder-campaign.entity.js';
import { findPreorderCampaigns } from '../use-cases/batch-reads.js';

/** Every listed product's preorder window in one query per request. */
export function createPreorderCampaignLoader(em: EntityManager): ReadAheadLoader<string, PreorderCampaign | null> {
  return readAheadLoader(async (productIds) => {
    const rows = await findPreorderCampaigns(em, productIds);
    const byProduct = new Map(rows.map((r) => [r.productId, r]));
    return productIds.map((id) => byProduct.get(id) ?? null);
  });
}
