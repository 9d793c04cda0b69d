import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, EventEnvelope, productPublishedV1 } from '@vitrine/contracts';
import { KnownProduct } from '../store/known-product.entity.js';

/** Keeps the local product projection in step with the catalog. */
export async function rememberProduct(em: EntityManager, event: EventEnvelope<EventData<typeof productPublishedV1>>): Promise<void> {
  const { productId, sku, name, price } = event.data;
  await em.upsert(KnownProduct, { id: productId, sku, name, priceAmount: price.amount, priceCurrency: price.currency, updatedAt: new Date() });
}
