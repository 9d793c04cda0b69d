import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PoolCounters } from '../domain/reservation.js';
import { preorderPools, warehouseLevels, type WarehouseLevelRow } from '../use-cases/stock-counters.js';

export interface ProductStockLevels {
  pool: PoolCounters | null;
  warehouses: WarehouseLevelRow[];
}

/** Two statements per request (warehouse rows, preorder pools) for every product listed. */
export function createStockLoader(em: EntityManager): DataLoader<string, ProductStockLevels> {
  return new DataLoader(async (ids) => {
    const [levels, pools] = await Promise.all([warehouseLevels(em, ids), preorderPools(em, ids)]);
    return ids.map((id) => ({
      pool: pools.find((p) => p.productId === id) ?? null,
      warehouses: levels.filter((l) => l.productId === id),
    }));
  });
}
