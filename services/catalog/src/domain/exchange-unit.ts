import { warehousesFor, type ProductStock } from './reservation.js';

/**
 * Where an exchange's new unit comes from (after-sales: a defective item
 * replaced by a new one): a warehouse with a unit on hand that no order
 * holds, our own warehouses before the factory's, then by allocation
 * priority and code, as orders are served. A CHINA_STOCK product is sold
 * from factory stock, so its exchange comes from there too. Null: no unit
 * anywhere (staff offer something else). The preorder pool never serves an
 * exchange: its units are not made yet.
 */
export function exchangeUnitSource(stock: ProductStock): string | null {
  return warehousesFor(stock.status, stock.warehouses).find((w) => w.onHand - w.reserved >= 1)?.warehouseId ?? null;
}
