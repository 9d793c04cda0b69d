import { defineEntity, p } from '@mikro-orm/core';

/** An order in a shipment, its shipping estimate paid and, once quoted, its share of the final cost; an extra invoice when the share is more (paid, or waived by staff). */
export const ShipmentOrderSchema = defineEntity({
  name: 'ShipmentOrder',
  tableName: 'shipment_order',
  checks: [
    {
      name: 'shipment_order_amounts_not_negative',
      expression: 'estimate_paid >= 0 and coalesce(final_share, 0) >= 0 and excess_refund >= 0 and extra_due >= 0',
    },
    // An extra invoice is paid by the customer or waived by staff, never both.
    { name: 'shipment_order_invoice_paid_or_waived', expression: 'invoice_paid_at is null or invoice_waived_at is null' },
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
    /** Staff waived the extra invoice (the shipment's waiver): payments no longer collects it. */
    invoiceWaivedAt: p.datetime(3).nullable(),
  },
});

export class ShipmentOrder extends ShipmentOrderSchema.class {}
ShipmentOrderSchema.setClass(ShipmentOrder);
