import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Product } from '../store/product.entity.js';
import { findProducts } from '../use-cases/batch-reads.js';
import type { ReadCache } from './read-cache.js';

/**
 * One query per request for every product the gateway asks about (entities, lines...), less those this process
 * read already and kept (`cache`: read-only products, forgotten on any change to a listing's tables). An id that
 * is no product is not kept: a product created under it is read when asked.
 */
export function createProductLoader(em: EntityManager, cache?: ReadCache<Product>): DataLoader<string, Product | null> {
  return new DataLoader(async (ids) => {
    const known = new Map<string, Product>();
    for (const id of ids) {
      const product = cache?.lookup(id);
      if (product) known.set(id, product);
    }
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length > 0) {
      const generation = cache?.beginRead();
      for (const product of await findProducts(em, missing)) {
        known.set(product.id, product);
        cache?.keep(product.id, generation, product);
      }
    }
    return ids.map((id) => known.get(id) ?? null);
  });
}
