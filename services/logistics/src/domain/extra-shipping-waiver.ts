import { BadUserInput, PolicyViolation } from '@vitrine/platform/domain';
import { shipmentStatusReason, type ShipmentStatus } from './shipment-status.js';

/** An order of the parcel as the waiver reads it: its extra invoice (if any) and whether it was paid or waived. */
export interface InvoicedOrder {
  orderId: string;
  invoiceId?: string | null;
  extraDue: number;
  invoicePaidAt?: Date | null;
  invoiceWaivedAt?: Date | null;
}

export interface ExtraShippingWaiver {
  /** The invoices waived: every one of the parcel still unpaid. */
  invoices: { orderId: string; invoiceId: string; amount: number }[];
  /** What the store absorbs (minor units): their sum. */
  amount: number;
  reason: string;
}

export const waiverReasonMaxLength = 500;

/**
 * Staff waive the extra postage of a parcel that cost more than its orders
 * paid as estimates: only while it waits for that payment (AWAITING_PAYMENT),
 * and then every unpaid extra invoice of the parcel at once (a combined
 * parcel's invoices paid already stay paid). The shipment may then be
 * dispatched (READY). Refused, changing nothing: a reason that is blank or
 * too long (BAD_USER_INPUT); a shipment in another status, which is also the
 * case once the customer paid (POLICY_VIOLATION SHIPMENT_STATUS_TRANSITION,
 * with the status); no unpaid invoice (NO_UNPAID_EXTRA_INVOICE).
 */
export function decideExtraShippingWaiver(status: ShipmentStatus, orders: readonly InvoicedOrder[], reason: string): ExtraShippingWaiver {
  const text = reason.trim();
  if (text.length === 0 || text.length > waiverReasonMaxLength) {
    const message = `Say why the store absorbs the extra postage (1 to ${waiverReasonMaxLength} characters).`;
    throw new BadUserInput('The waiver is not valid.', [{ field: 'reason', reason: text.length === 0 ? 'REQUIRED' : 'OUT_OF_RANGE', message }]);
  }
  if (status !== 'AWAITING_PAYMENT') {
    const invoiced = orders.some((o) => o.invoiceId != null);
    const paid = invoiced && orders.every((o) => o.invoiceId == null || o.invoicePaidAt != null || o.invoiceWaivedAt != null);
    const why =
      status === 'READY' && paid
        ? orders.some((o) => o.invoiceWaivedAt != null)
          ? 'it was waived already'
          : 'the customer has paid it already'
        : status === 'READY' || status === 'OPEN' || status === 'AWAITING_PART'
          ? 'this shipment has no extra shipping invoice waiting for payment'
          : shipmentStatusReason(status);
    throw new PolicyViolation(`The extra postage cannot be waived: ${why}.`, 'SHIPMENT_STATUS_TRANSITION', { status });
  }
  const unpaid = orders.filter((o) => o.invoiceId != null && o.extraDue > 0 && o.invoicePaidAt == null && o.invoiceWaivedAt == null);
  if (unpaid.length === 0) {
    throw new PolicyViolation('The extra postage cannot be waived: this shipment has no unpaid extra shipping invoice.', 'NO_UNPAID_EXTRA_INVOICE', { status });
  }
  const invoices = unpaid.map((o) => ({ orderId: o.orderId, invoiceId: o.invoiceId!, amount: o.extraDue }));
  return { invoices, amount: invoices.reduce((sum, i) => sum + i.amount, 0), reason: text };
}
