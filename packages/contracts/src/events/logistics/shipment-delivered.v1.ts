import { z } from 'zod';
import { topics } from '../../topics.js';
import { shipmentKindSchema } from './parcel.js';

/**
 * The carrier delivered the parcel: its date opens the orders' return and claim
 * windows. `kind` and `claimId` were added within v1 (absent: ORDER); a
 * REPLACEMENT parcel's delivery opens nothing and moves no order.
 */
export const shipmentDeliveredV1 = {
  type: 'logistics.shipment.delivered',
  version: 1,
  topic: topics.logisticsShipment,
  schema: z.object({
    shipmentId: z.uuid(),
    customerId: z.uuid(),
    orderIds: z.array(z.uuid()).min(1),
    deliveredAt: z.iso.datetime({ offset: true }),
    kind: shipmentKindSchema.optional(),
    /** REPLACEMENT: the claim it carried out. */
    claimId: z.uuid().nullable().optional(),
  }),
} as const;
