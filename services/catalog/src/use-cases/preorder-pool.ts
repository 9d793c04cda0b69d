import type { EntityManager } from '@mikro-orm/postgresql';

/** Units customers hold on a product's preorder: a limited run can never shrink below this. */
export async function reservedPreorderUnits(tx: EntityManager, productId: string): Promise<number> {
  const [row] = await tx.execute<{ n: string }[]>(`select coalesce(sum(quantity), 0) as n from catalog.stock_reservation where product_id = ?`, [productId]);
  return Number(row?.n ?? 0);
}
