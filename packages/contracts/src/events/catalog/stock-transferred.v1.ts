import { z } from 'zod';
import { topics } from '../../topics.js';

/**
 * Staff moved free units of a product (on hand, held for no order) from one
 * warehouse to another: one transfer, the same units leaving one and entering
 * the other, so the product's total is unchanged. No order's units move (what
 * StockReserved and ProductArrived said about where an order's units are still
 * holds). Keyed by product.
 */
export const stockTransferredV1 = {
  type: 'catalog.stock.transferred',
  version: 1,
  topic: topics.catalogStock,
  schema: z.object({
    transferId: z.uuid(),
    productId: z.uuid(),
    fromWarehouseId: z.uuid(),
    toWarehouseId: z.uuid(),
    quantity: z.number().int().positive(),
    /** Units of the product on hand in each warehouse after the move. */
    fromOnHand: z.number().int().nonnegative(),
    toOnHand: z.number().int().positive(),
    transferredAt: z.iso.datetime({ offset: true }),
  }),
} as const;
