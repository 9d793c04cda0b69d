import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { carrierCodeSchema, parcelDimensionsSchema, shipmentKindSchema, trackingNumberSchema } from './parcel.js';

/**
 * The parcel left the warehouse with a carrier: the orders shipped (catalog
 * commits their units; orders moves them on). `kind` and `claimId` were added
 * within v1: absent means ORDER. A REPLACEMENT parcel carries a claim's part
 * or exchanged unit for the order it names (the store pays `finalCost`):
 * orders do not move, after-sales closes the claim.
 */
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
    kind: shipmentKindSchema.optional(),
    /** REPLACEMENT: the claim it carries out. */
    claimId: z.uuid().nullable().optional(),
  }),
} as const;
