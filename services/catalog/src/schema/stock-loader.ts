import type { EntityManager } from '@mikro-orm/postgresql';
import { readAheadLoader, type ReadAheadLoader } from '@vitrine/platform';
import { noStockRows, stockLevels, type StockLevels } from '../use-cases/stock-counters.js';

/** One statement per batch of products (pools and warehouse rows together), kept for the rest of the request. */
export function createStockLoader(em: EntityManager): ReadAheadLoader<string, StockLevels> {
  return readAheadLoader(async (ids) => {
    const levels = await stockLevels(em, ids);
    return ids.map((id) => levels.get(id) ?? noStockRows());
  });
}
