import { z } from 'zod';
import { topics } from '../../topics.js';

/**
 * Orders said an order is ready to fulfil: logistics opened its shipment at
 * the warehouse that holds its units (null when catalog has not said), due
 * at the logistics partner by `handoverBy` (the order's store policy; null
 * when the policy promises no handover time).
 */
export const shipmentOpenedV1 = {
  type: 'logistics.shipment.opened',
  version: 1,
  topic: topics.logisticsShipment,
  schema: z.object({
    shipmentId: z.uuid(),
    customerId: z.uuid(),
    orderIds: z.array(z.uuid()).min(1),
    warehouseId: z.uuid().nullable(),
    handoverBy: z.iso.datetime({ offset: true }).nullable(),
    openedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
