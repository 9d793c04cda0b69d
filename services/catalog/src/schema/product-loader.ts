import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Product } from '../store/product.entity.js';
import { findProducts } from '../use-cases/batch-reads.js';

/** One query per request for every product the gateway asks about (entities, lines...). */
export function createProductLoader(em: EntityManager): DataLoader<string, Product | null> {
  return new DataLoader(async (ids) => {
    const products = await findProducts(em, ids);
    const byId = new Map(products.map((p) => [p.id, p]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
