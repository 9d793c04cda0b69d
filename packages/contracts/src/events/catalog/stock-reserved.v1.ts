import { z } from 'zod';
import { topics } from '../../topics.js';

/**
 * Catalog held an order's units. `allocations` (added within v1; absent on
 * older events) says where each came from: a warehouse, or the preorder pool
 * (`warehouseId` null) until the units arrive (ProductArrived names the orders).
 */
export const stockReservedV1 = {
  type: 'catalog.stock.reserved',
  version: 1,
  topic: topics.catalogStock,
  schema: z.object({
    orderId: z.uuid(),
    lines: z.array(z.object({ productId: z.uuid(), quantity: z.number().int().positive() })),
    allocations: z.array(z.object({ productId: z.uuid(), warehouseId: z.uuid().nullable(), quantity: z.number().int().positive() })).optional(),
  }),
} as const;
