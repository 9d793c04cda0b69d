import type { EntityManager } from '@mikro-orm/postgresql';
import { Product } from '../store/product.entity.js';
import { arrivedAtWarehouse } from '../use-cases/arrive-at-warehouse.js';
import { changePreorderTerms } from '../use-cases/change-preorder-terms.js';
import { changeProductPrice } from '../use-cases/change-product-price.js';
import { changeProductStatus } from '../use-cases/change-product-status.js';
import { changeReleaseDate } from '../use-cases/change-release-date.js';
import { createProduct } from '../use-cases/create-product.js';
import { createStudio } from '../use-cases/create-studio.js';
import { createWarehouse } from '../use-cases/create-warehouse.js';
import { openPreorderCampaign } from '../use-cases/open-preorder-campaign.js';
import { recordSpecChange } from '../use-cases/record-spec-change.js';
import { updateProduct } from '../use-cases/update-product.js';
import { campaignDates, demoCampaignReason, demoCampaigns } from './demo-campaigns.js';
import { demoDetailsInput, demoPartsUpdate, demoPriceChanges, demoSpecChanges } from './demo-product-details.js';
import { demoFirstEstimateReason, demoProducts, demoStatusReasons, demoStudios, demoWarehouses, type DemoProduct } from './demo-products.js';

/**
 * The fixed actor of every demo-seed audit entry, status change and release
 * date change ("5eed" = seed): a system id, not a staff account.
 */
export const demoSeedActorId = '5eed0000-0000-4000-8000-000000000000';

interface DemoPlaces {
  studioIds: Map<string, string>;
  france: string;
  factory: string;
}

/**
 * Seeds the `npm start` demo catalog (seed/demo-products.ts) through the real
 * use cases, so audit entries, release-date and spec histories, price
 * changes, the stock ledger, preorder windows and events are produced as in
 * production. Skipped when any product exists.
 */
export async function seedDemoCatalog(em: EntityManager): Promise<void> {
  if ((await em.count(Product, {})) > 0) return;
  const studioIds = new Map<string, string>();
  for (const { key, ...studio } of demoStudios) studioIds.set(key, (await createStudio(em.fork(), demoSeedActorId, studio)).id);
  const [france, factory] = await Promise.all(demoWarehouses.map((w) => createWarehouse(em.fork(), demoSeedActorId, w)));
  for (const product of demoProducts) await seedProduct(em, product, { studioIds, france: france!.id, factory: factory!.id });
  await seedCampaigns(em);
}

async function seedProduct(em: EntityManager, demo: DemoProduct, places: DemoPlaces): Promise<void> {
  const { sku, name, priceAmount, stock, regionBlocks, maxQuantityPerOrder } = demo;
  const [initial, ...moves] = demo.path;
  const final = demo.path[demo.path.length - 1];
  const warehouseId = final === 'CHINA_STOCK' ? places.factory : places.france;
  const createdWithStock = initial === 'IN_STOCK' || initial === 'CHINA_STOCK';
  const stockInput = createdWithStock ? { stock, warehouseId } : { limitedQuantity: final === 'PREORDER' && stock > 0 ? stock : null };
  const studioId = places.studioIds.get(demo.studio)!;
  const input = {
    sku,
    name,
    priceAmount,
    priceCurrency: 'USD',
    status: initial,
    studioId,
    regionBlocks,
    maxQuantityPerOrder,
    ...stockInput,
    ...demoDetailsInput(sku),
  };
  const { id: productId, parts } = await createProduct(em.fork(), input, demoSeedActorId);
  const estimates = demo.release ? [{ estimate: demo.release, reason: demoFirstEstimateReason }, ...(demo.slips ?? [])] : [];
  for (const { estimate, reason } of estimates)
    await changeReleaseDate(em.fork(), demoSeedActorId, { productId, estimate, reason }, { replayingHistory: true });
  // Spec changes are only possible before release, so before any status move.
  for (const { changes, description, reason } of demoSpecChanges.filter((c) => c.sku === sku)) {
    await recordSpecChange(em.fork(), demoSeedActorId, { productId, changes, description, reason });
  }
  if (demoPartsUpdate.sku === sku) {
    await updateProduct(em.fork(), demoSeedActorId, { productId, input: { parts: [...parts, demoPartsUpdate.add] }, reason: demoPartsUpdate.reason });
  }
  for (const { amount, reason } of demoPriceChanges.filter((c) => c.sku === sku)) {
    await changeProductPrice(em.fork(), demoSeedActorId, { productId, price: { amount, currency: 'USD' }, reason });
  }
  for (const status of moves) await changeProductStatus(em.fork(), demoSeedActorId, { productId, status, reason: demoStatusReasons[status] });
  if (!createdWithStock && final !== 'PREORDER' && stock > 0) await arrivedAtWarehouse(em.fork(), demoSeedActorId, { productId, warehouseId, quantity: stock });
}

/** Open windows get their dates and payment plans; an announced product gets a window that opens later. */
async function seedCampaigns(em: EntityManager): Promise<void> {
  const now = new Date();
  for (const campaign of demoCampaigns) {
    const { id: productId } = await em.fork().findOneOrFail(Product, { sku: campaign.sku });
    const { opensAt, closesAt } = campaignDates(campaign, now);
    if (opensAt) {
      await openPreorderCampaign(em.fork(), demoSeedActorId, {
        productId,
        opensAt,
        closesAt,
        paymentPlan: campaign.paymentPlan,
        limitedQuantity: campaign.limitedQuantity ?? null,
      });
    } else {
      // The limited quantity stays the one the product was created with.
      await changePreorderTerms(em.fork(), demoSeedActorId, {
        productId,
        closesAt,
        paymentPlan: campaign.paymentPlan,
        limitedQuantity: campaign.limitedQuantity,
        reason: demoCampaignReason,
      });
    }
  }
}
