import { z } from 'zod';
import { topics } from '../../topics.js';
import { moneySchema } from '../shared/money.js';
import { parcelDimensionsSchema } from './parcel.js';

/**
 * The final shipping cost of a packed parcel, against what each order paid
 * as its estimate. A parcel holding several orders (consolidated) splits its
 * cost over them in proportion to their estimates. Payments refunds each
 * order's `excessRefund` (reason SHIPPING_EXCESS); an `extraDue` comes with
 * ExtraShippingInvoiced. Notifications tells the customer the weight, size
 * and confirmed fee.
 */
export const shippingQuotedV1 = {
  type: 'logistics.shipment.quoted',
  version: 1,
  topic: topics.logisticsShipment,
  schema: z.object({
    shipmentId: z.uuid(),
    customerId: z.uuid(),
    finalCost: moneySchema,
    weightGrams: z.number().int().positive(),
    dimensions: parcelDimensionsSchema,
    outcome: z.enum(['REFUND_EXCESS', 'EXACT', 'EXTRA_INVOICE']),
    orders: z
      .array(z.object({ orderId: z.uuid(), estimatePaid: moneySchema, finalShare: moneySchema, excessRefund: moneySchema, extraDue: moneySchema }))
      .min(1),
    quotedAt: z.iso.datetime({ offset: true }),
  }),
} as const;
