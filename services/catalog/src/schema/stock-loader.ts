import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { noStockRows, stockLevels, type StockLevels } from '../use-cases/stock-counters.js';

/**
 * A request's stock levels, read in one statement per batch of products (pools and warehouse rows together) and kept
 * for the rest of the request.
 */
export interface StockOf {
  /**
   * The levels already read for this product in this request, if any: a field of a listed product then resolves
   * without a promise (see ProductResolver.products), and graphql-js completes the page's objects without awaiting each.
   */
  known(productId: string): StockLevels | undefined;
  load(productId: string): Promise<StockLevels>;
  /** Reads a page of products' levels at once, before their fields resolve. */
  readAll(productIds: readonly string[]): Promise<void>;
}

export function createStockOf(em: EntityManager): StockOf {
  const read = new Map<string, StockLevels>();
  const readNow = async (ids: readonly string[]) => {
    const levels = await stockLevels(em, ids);
    return ids.map((id) => {
      const level = levels.get(id) ?? noStockRows();
      read.set(id, level);
      return level;
    });
  };
  const loader = new DataLoader<string, StockLevels>(readNow);
  return {
    known: (productId) => read.get(productId),
    load: (productId) => {
      const level = read.get(productId);
      return level ? Promise.resolve(level) : loader.load(productId);
    },
    readAll: async (productIds) => {
      const missing = [...new Set(productIds)].filter((id) => !read.has(id));
      if (missing.length > 0) await readNow(missing);
    },
  };
}
