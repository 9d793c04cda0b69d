import { z } from 'zod';
import { topics } from '../../topics.js';

/** The carrier delivered the parcel: its date opens the orders' return and claim windows. */
export const shipmentDeliveredV1 = {
  type: 'logistics.shipment.delivered',
  version: 1,
  topic: topics.logisticsShipment,
  schema: z.object({
    shipmentId: z.uuid(),
    customerId: z.uuid(),
    orderIds: z.array(z.uuid()).min(1),
    deliveredAt: z.iso.datetime({ offset: true }),
  }),
} as const;
