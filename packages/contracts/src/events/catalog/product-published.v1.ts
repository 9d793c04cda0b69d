import { z } from 'zod';
import { countryCodeSchema } from '../../countries.js';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { productStatusSchema } from './product-status.js';

/**
 * A product became orderable (or its orderable facts changed): orders keeps a
 * projection of it. Re-published with the full current facts whenever its sale
 * rules, name, price or down payment change. The optional fields were added
 * within v1: an event without them means IN_STOCK, no region blocks, no
 * per-order limit and no down payment; without weight or package size, logistics
 * cannot estimate its shipping until a later ProductPublished gives them.
 * `parts` (added within v1, re-published when they change): the product's
 * parts list, each with its after-sales category (the compensation table's);
 * absent means not told (an older publisher), an empty list means none.
 */
export const productPublishedV1 = {
  type: 'catalog.product.published',
  version: 1,
  topic: topics.catalogProduct,
  schema: z.object({
    productId: z.uuid(),
    sku: z.string(),
    name: z.string(),
    price: moneySchema,
    /** The product's status when this was published; later moves come as ProductStatusChanged. */
    status: productStatusSchema.optional(),
    /** ISO 3166-1 alpha-2 countries where licensing forbids selling it (none when absent). */
    regionBlocks: z.array(countryCodeSchema).optional(),
    /** At most this many units in one order (summed over its lines); null or absent: no per-order limit. */
    maxQuantityPerOrder: z.number().int().positive().nullable().optional(),
    /** At most this many units per customer across all their orders; null or absent: no per-customer limit. */
    maxQuantityPerCustomer: z.number().int().positive().nullable().optional(),
    /** Non-refundable down payment charged at order, in the price's currency; null or absent: none required. */
    downPayment: moneySchema.nullable().optional(),
    /** Shipping weight in grams; null or absent: not measured yet. */
    weightGrams: z.number().int().positive().nullable().optional(),
    /** The boxed product's outer size in millimetres; null or absent: not measured yet. */
    packageDimensions: z
      .object({ lengthMm: z.number().int().positive(), widthMm: z.number().int().positive(), heightMm: z.number().int().positive() })
      .nullable()
      .optional(),
    parts: z
      .array(z.object({ name: z.string().min(1).max(120), category: z.string().min(1).max(60) }))
      .max(100)
      .optional(),
  }),
} as const;
