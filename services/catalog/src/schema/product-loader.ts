import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '@vitrine/platform';
import { Product } from '../store/product.entity.js';

/** One query per request for every product the gateway asks about (entities, lines...). */
export function createProductLoader(em: EntityManager): DataLoader<string, Product | null> {
  return new DataLoader(async (ids) => {
    const valid = ids.filter(isUuid);
    const products = valid.length ? await em.find(Product, { id: { $in: valid } }) : [];
    const byId = new Map(products.map((p) => [p.id, p]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
