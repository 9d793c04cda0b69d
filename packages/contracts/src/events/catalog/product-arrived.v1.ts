import { z } from 'zod';
import { countryCodeSchema } from '../../countries.js';
import { topics } from '../../topics.js';

/**
 * Units of a product reached a warehouse (preorder stock arriving from the
 * maker). Outstanding preorders for the product were moved onto these units
 * first; "pay on arrival" plans send their payment notice from this event.
 * `orders` (added within v1; absent on older events): the preorders moved
 * onto these units, and how many units each. `warehouseCountry` (added
 * within v1; absent on older events): where the warehouse is, so that
 * deadlines counted from the arrival use that country's business days.
 */
export const productArrivedV1 = {
  type: 'catalog.product.arrived',
  version: 1,
  topic: topics.catalogProduct,
  schema: z.object({
    productId: z.uuid(),
    warehouseId: z.uuid(),
    warehouseCountry: countryCodeSchema.optional(),
    quantity: z.number().int().positive(),
    arrivedAt: z.iso.datetime({ offset: true }),
    orders: z.array(z.object({ orderId: z.uuid(), quantity: z.number().int().positive() })).optional(),
  }),
} as const;
