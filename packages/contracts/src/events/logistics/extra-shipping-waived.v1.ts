import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';

/**
 * Staff waived a shipment's unpaid extra shipping invoices: the store absorbs
 * the overrun and the parcel may be dispatched. One entry per invoice waived
 * (`invoiceId` = the due payments was collecting, purpose EXTRA_SHIPPING):
 * payments cancels the due (no longer payable) and gives back a payment that
 * reached it anyway. `actorId` is the staff member, `reason` their words
 * (1-500 characters, for the record).
 */
export const extraShippingWaivedV1 = {
  type: 'logistics.shipment.extra-waived',
  version: 1,
  topic: topics.logisticsShipment,
  schema: z.object({
    shipmentId: z.uuid(),
    customerId: z.uuid(),
    invoices: z.array(z.object({ invoiceId: z.uuid(), orderId: z.uuid(), amount: moneySchema })).min(1),
    reason: z.string().min(1).max(500),
    actorId: z.uuid(),
    waivedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
