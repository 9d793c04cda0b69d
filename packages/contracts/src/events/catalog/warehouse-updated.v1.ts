import { z } from 'zod';
import { countryCodeSchema } from '../../countries.js';
import { topics } from '../../topics.js';
import { warehouseReturnAddressSchema } from './warehouse-address.js';

/**
 * Staff corrected a warehouse (name, whether the factory holds it, its return
 * address): the warehouse as it now is, whole, and which fields changed. The
 * code and country never change. Whole, so a consumer that missed
 * WarehouseCreated (or started after it) still knows the warehouse. Keyed by
 * warehouse.
 */
export const warehouseUpdatedV1 = {
  type: 'catalog.warehouse.updated',
  version: 1,
  topic: topics.catalogWarehouse,
  schema: z.object({
    warehouseId: z.uuid(),
    code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,15}$/),
    name: z.string().min(1).max(120),
    country: countryCodeSchema,
    heldByFactory: z.boolean(),
    /** Where customers send items back to it; null while staff have given none. */
    returnAddress: warehouseReturnAddressSchema.nullable(),
    changed: z.array(z.enum(['name', 'heldByFactory', 'allocationPriority', 'returnAddress'])).min(1),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
