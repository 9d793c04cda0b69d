import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { countersFromMovements, reconcile, type MovementKind, type PlaceCounters, type StockDiscrepancy } from '../domain/stock-ledger.js';

/**
 * Recomputes the products' counters from the ledger and reports every place
 * where the stored counters differ (an empty list: stock reconciles). Reads
 * one consistent snapshot (a repeatable-read transaction), so a movement
 * committing meanwhile cannot show up as a false difference.
 */
export async function reconcileStock(em: EntityManager, productIds: readonly string[]): Promise<StockDiscrepancy[]> {
  if (productIds.length === 0) return [];
  const ids = [[...productIds]];
  return em.fork().transactional(
    async (tx) => {
      const stored = await tx.execute<{ product_id: string; warehouse_id: string | null; on_hand: number; reserved: number }[]>(
        `select product_id, warehouse_id, on_hand, reserved from catalog.warehouse_stock where product_id in (?)
         union all select product_id, null, 0, reserved from catalog.preorder_allocation where product_id in (?)`,
        [...ids, ...ids],
      );
      const sums = await tx.execute<{ product_id: string; warehouse_id: string | null; kind: MovementKind; total: string }[]>(
        `select product_id, warehouse_id, kind, sum(quantity) as total from catalog.stock_movement where product_id in (?) group by product_id, warehouse_id, kind`,
        ids,
      );
      const byPlace = new Map<string, { productId: string; warehouseId: string | null; movements: { kind: MovementKind; quantity: number }[] }>();
      for (const s of sums) {
        const key = `${s.product_id}/${s.warehouse_id ?? 'pool'}`;
        const place = byPlace.get(key) ?? { productId: s.product_id, warehouseId: s.warehouse_id, movements: [] };
        place.movements.push({ kind: s.kind, quantity: Number(s.total) });
        byPlace.set(key, place);
      }
      const ledger: PlaceCounters[] = [...byPlace.values()].map((p) => ({
        productId: p.productId,
        warehouseId: p.warehouseId,
        ...countersFromMovements(p.movements),
      }));
      return reconcile(
        stored.map((r) => ({ productId: r.product_id, warehouseId: r.warehouse_id, onHand: r.on_hand, reserved: r.reserved })),
        ledger,
      );
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ },
  );
}
