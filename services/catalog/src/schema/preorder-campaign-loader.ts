import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PreorderCampaign } from '../store/preorder-campaign.entity.js';

/** Every listed product's preorder window in one query per request. */
export function createPreorderCampaignLoader(em: EntityManager): DataLoader<string, PreorderCampaign | null> {
  return new DataLoader(async (productIds) => {
    const rows = await em.find(PreorderCampaign, { productId: { $in: [...productIds] } });
    const byProduct = new Map(rows.map((r) => [r.productId, r]));
    return productIds.map((id) => byProduct.get(id) ?? null);
  });
}
