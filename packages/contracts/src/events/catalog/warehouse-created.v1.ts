import { z } from 'zod';
import { countryCodeSchema } from '../../countries.js';
import { topics } from '../../topics.js';
import { warehouseReturnAddressSchema } from './warehouse-address.js';

/**
 * Staff added a warehouse (warehouses are catalog's data; logistics prices parcels from them by code and counts
 * business days in their country). `returnAddress` was added within v1: where customers send items back to it
 * (after-sales tells them); null or absent when staff gave none (later ones come with WarehouseUpdated).
 */
export const warehouseCreatedV1 = {
  type: 'catalog.warehouse.created',
  version: 1,
  topic: topics.catalogWarehouse,
  schema: z.object({
    warehouseId: z.uuid(),
    code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,15}$/),
    name: z.string().min(1).max(120),
    country: countryCodeSchema,
    heldByFactory: z.boolean(),
    returnAddress: warehouseReturnAddressSchema.nullable().optional(),
  }),
} as const;
