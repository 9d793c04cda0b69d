import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { stockLevels, type StockLevels } from '../use-cases/stock-counters.js';

export type ProductStockLevels = StockLevels;

/** One statement per request (pools and warehouse rows together) for every product listed. */
export function createStockLoader(em: EntityManager): DataLoader<string, ProductStockLevels> {
  return new DataLoader(async (ids) => {
    const levels = await stockLevels(em, ids);
    return ids.map((id) => levels.get(id) ?? { pool: null, warehouses: [] });
  });
}
