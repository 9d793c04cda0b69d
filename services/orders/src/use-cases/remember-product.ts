import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, EventEnvelope, productPublishedV1, productStatusChangedV1 } from '@vitrine/contracts';
import { KnownProduct } from '../store/known-product.entity.js';

/**
 * Keeps the local product projection in step with the catalog. Catalog
 * publishes and moves a product on one key, so its events arrive in order.
 * Fields an older publisher leaves out keep their stored value (or the
 * defaults: IN_STOCK, no blocks, no limit).
 */
export async function rememberProduct(em: EntityManager, event: EventEnvelope<EventData<typeof productPublishedV1>>): Promise<void> {
  const { productId, sku, name, price, status, regionBlocks, maxQuantityPerOrder, maxQuantityPerCustomer, downPayment } = event.data;
  await em.upsert(KnownProduct, {
    id: productId,
    sku,
    name,
    priceAmount: price.amount,
    priceCurrency: price.currency,
    ...(status !== undefined && { status }),
    ...(regionBlocks !== undefined && { regionBlocks }),
    ...(maxQuantityPerOrder !== undefined && { maxQuantityPerOrder }),
    ...(maxQuantityPerCustomer !== undefined && { maxQuantityPerCustomer }),
    ...(downPayment !== undefined && { downPaymentAmount: downPayment?.amount ?? null }),
    updatedAt: new Date(),
  });
}

/** ProductStatusChanged: the new status decides whether the product can still be ordered. */
export async function rememberProductStatus(em: EntityManager, event: EventEnvelope<EventData<typeof productStatusChangedV1>>): Promise<void> {
  await em.nativeUpdate(KnownProduct, { id: event.data.productId }, { status: event.data.to, updatedAt: new Date() });
}
