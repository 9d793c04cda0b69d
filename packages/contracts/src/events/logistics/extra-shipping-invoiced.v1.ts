import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';

/**
 * The final shipping cost is above the estimate paid: one invoice per order,
 * for payments to collect (purpose EXTRA_SHIPPING; `invoiceId` is the due id
 * its PaymentSucceeded allocation names). The shipment is not dispatched
 * until every invoice is paid.
 */
export const extraShippingInvoicedV1 = {
  type: 'logistics.shipment.extra-invoiced',
  version: 1,
  topic: topics.logisticsShipment,
  schema: z.object({
    shipmentId: z.uuid(),
    customerId: z.uuid(),
    invoices: z.array(z.object({ invoiceId: z.uuid(), orderId: z.uuid(), amount: moneySchema })).min(1),
    invoicedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
