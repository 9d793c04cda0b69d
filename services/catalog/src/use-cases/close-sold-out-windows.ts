import type { EntityManager } from '@mikro-orm/postgresql';
import { isRunSoldOut } from '../domain/reservation.js';
import { PreorderCampaign } from '../store/preorder-campaign.entity.js';
import { Product } from '../store/product.entity.js';
import { closeWindow, catalogSystemActorId } from './preorder-window.js';
import { preorderPools } from './stock-counters.js';
import { storeNow } from '@vitrine/platform';

/**
 * After a reservation took preorder units: a limited run that is now fully
 * reserved closes its window (SOLD_OUT), so the storefront stops offering it
 * at once instead of turning every later order down. Runs in the
 * reservation's transaction, with the products already locked.
 */
export async function closeSoldOutWindows(tx: EntityManager, productIds: readonly string[]): Promise<void> {
  if (productIds.length === 0) return;
  const full = (await preorderPools(tx, productIds)).filter(isRunSoldOut);
  for (const { productId } of full) {
    const campaign = await tx.findOne(PreorderCampaign, productId);
    if (campaign?.state !== 'OPEN') continue;
    const product = await tx.findOneOrFail(Product, productId);
    if (product.status !== 'PREORDER') continue;
    await closeWindow(tx, product, campaign, { reason: 'SOLD_OUT', note: null, actor: catalogSystemActorId, now: storeNow(), moveStatus: true });
  }
}
