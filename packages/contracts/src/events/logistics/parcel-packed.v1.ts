import { z } from 'zod';
import { topics } from '../../topics.js';
import { parcelDimensionsSchema } from './parcel.js';

/** The parcel of a shipment was packed and measured (what the customer is told before dispatch). */
export const parcelPackedV1 = {
  type: 'logistics.shipment.parcel-packed',
  version: 1,
  topic: topics.logisticsShipment,
  schema: z.object({
    shipmentId: z.uuid(),
    orderIds: z.array(z.uuid()).min(1),
    weightGrams: z.number().int().positive(),
    dimensions: parcelDimensionsSchema,
    /** max(actual, volumetric) as the rate table counts it. */
    chargeableGrams: z.number().int().positive(),
    packedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
