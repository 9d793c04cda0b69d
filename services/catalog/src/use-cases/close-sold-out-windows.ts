import type { EntityManager } from '@mikro-orm/postgresql';
import { isRunSoldOut } from '../domain/reservation.js';
import { PreorderCampaign } from '../store/preorder-campaign.entity.js';
import { Product } from '../store/product.entity.js';
import { closeWindow, catalogSystemActorId } from './preorder-window.js';
import { preorderPools } from './stock-counters.js';
import { productsWithOpenOffers } from './waitlist-offers.js';
import { storeNow } from '@vitrine/platform';

/**
 * After a reservation took preorder units: a limited run that is now fully
 * reserved closes its window (SOLD_OUT), so the storefront stops offering it
 * at once instead of turning every later order down. Runs in the
 * reservation's transaction, with the products already locked. A run whose
 * units are partly held for waitlist offers stays open until the offers end:
 * the offered customers order through it.
 */
export async function closeSoldOutWindows(tx: EntityManager, productIds: readonly string[]): Promise<void> {
  if (productIds.length === 0) return;
  const full = (await preorderPools(tx, productIds)).filter(isRunSoldOut);
  const offered = await productsWithOpenOffers(
    tx,
    full.map((p) => p.productId),
  );
  for (const { productId } of full) {
    if (offered.has(productId)) continue;
    const campaign = await tx.findOne(PreorderCampaign, productId);
    if (campaign?.state !== 'OPEN') continue;
    const product = await tx.findOneOrFail(Product, productId);
    if (product.status !== 'PREORDER') continue;
    await closeWindow(tx, product, campaign, { reason: 'SOLD_OUT', note: null, actor: catalogSystemActorId, now: storeNow(), moveStatus: true });
  }
}
