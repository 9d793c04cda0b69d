import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { carrierCodeSchema, parcelDimensionsSchema, trackingNumberSchema } from './parcel.js';

/** The parcel left the warehouse with a carrier: the orders shipped (catalog commits their units; orders moves them on). */
export const shipmentDispatchedV1 = {
  type: 'logistics.shipment.dispatched',
  version: 1,
  topic: topics.logisticsShipment,
  schema: z.object({
    shipmentId: z.uuid(),
    customerId: z.uuid(),
    orderIds: z.array(z.uuid()).min(1),
    carrier: carrierCodeSchema,
    trackingNumber: trackingNumberSchema,
    weightGrams: z.number().int().positive(),
    dimensions: parcelDimensionsSchema,
    finalCost: moneySchema,
    dispatchedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
