import { defineEntity, p } from '@mikro-orm/core';

/** An order in a shipment, its shipping estimate paid and, once quoted, its share of the final cost; an extra invoice when the share is more. */
export const ShipmentOrderSchema = defineEntity({
  name: 'ShipmentOrder',
  tableName: 'shipment_order',
  checks: [
    {
      name: 'shipment_order_amounts_not_negative',
      expression: 'estimate_paid >= 0 and coalesce(final_share, 0) >= 0 and excess_refund >= 0 and extra_due >= 0',
    },
  ],
  properties: {
    orderId: p.uuid().primary(),
    shipmentId: p.uuid().index(),
    estimatePaid: p.integer(),
    finalShare: p.integer().nullable(),
    excessRefund: p.integer().default(0),
    extraDue: p.integer().default(0),
    invoiceId: p.uuid().nullable().unique(),
    invoicePaidAt: p.datetime(3).nullable(),
  },
});

export class ShipmentOrder extends ShipmentOrderSchema.class {}
ShipmentOrderSchema.setClass(ShipmentOrder);
