import { Form } from 'react-router';
import type { TrackingStatus } from '../../__generated__/app/graphql.js';
import { everyValue } from '../lib/every-value.js';
import { formatDateTime, formatMoney } from '../lib/format.js';

// A shipment's life after packing in the back office's queue: what each order paid for shipping against what the
// parcel cost (the excess refunded, or the extra invoice and whether it is paid or waived), the carrier's steps so far, and
// the form that records the next step of a parcel with the carrier.

interface Money {
  amount: number;
  currency: string;
}
interface FollowedShipment {
  id: string;
  status: string;
  deliveredAt?: string | null;
  returnedAt?: string | null;
  consolidatedInto?: string | null;
  orders: {
    orderId: string;
    estimatePaid: Money;
    finalShare?: Money | null;
    excessRefund: Money;
    extraDue: Money;
    invoiceId?: string | null;
    invoicePaidAt?: string | null;
  }[];
  /** Staff waived the extra postage: every invoice then unpaid (logistics waives them all at once). */
  extraShippingWaiver?: { reason?: string | null; waivedAt: string } | null;
  tracking: { status: TrackingStatus; at: string; note?: string | null }[];
}

/** The steps staff may record for a parcel with the carrier (DISPATCHED is the hand-over itself). */
export const trackingSteps = everyValue<Exclude<TrackingStatus, 'DISPATCHED'>>()(['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'RETURNED_TO_SENDER']);
const stepWords: Record<TrackingStatus, string> = {
  DISPATCHED: 'Handed to the carrier',
  IN_TRANSIT: 'In transit',
  OUT_FOR_DELIVERY: 'Out for delivery',
  DELIVERED: 'Delivered',
  RETURNED_TO_SENDER: 'Returned to sender (refunds per the order’s policy)',
};

function extraInvoice(o: FollowedShipment['orders'][number], waivedAt: string | null): string | null {
  if (o.extraDue.amount <= 0) return null;
  if (!o.invoicePaidAt && waivedAt) return `extra shipping ${formatMoney(o.extraDue)} invoiced, waived ${formatDateTime(waivedAt)} (the store absorbs it)`;
  return o.invoicePaidAt
    ? `extra shipping ${formatMoney(o.extraDue)} invoiced, paid ${formatDateTime(o.invoicePaidAt)}`
    : `extra shipping ${formatMoney(o.extraDue)} invoiced, waiting for the customer’s payment (dispatch waits for it)`;
}

export function ShipmentFollowUp({ shipment: s, submitting }: { shipment: FollowedShipment; submitting: boolean }) {
  const quoted = s.orders.some((o) => o.finalShare);
  const waiver = s.extraShippingWaiver ?? null;
  const waivedAt = waiver?.waivedAt ?? null;
  const waivedInvoices = s.orders.filter((o) => o.extraDue.amount > 0 && !o.invoicePaidAt);
  return (
    <>
      {s.consolidatedInto && <p>Its orders travel in shipment {s.consolidatedInto.slice(0, 8)} now.</p>}
      {quoted && (
        <ul data-testid={`shipping-money-${s.id}`}>
          {s.orders.map((o) => (
            <li key={o.orderId}>
              Order {o.orderId.slice(0, 8)}: paid {formatMoney(o.estimatePaid)} for shipping, its share of the parcel{' '}
              {o.finalShare ? formatMoney(o.finalShare) : 'not set'}
              {o.excessRefund.amount > 0 && <>, {formatMoney(o.excessRefund)} refunded</>}
              {extraInvoice(o, waivedAt) && <>, {extraInvoice(o, waivedAt)}</>}
            </li>
          ))}
        </ul>
      )}
      {waiver && waivedInvoices.length > 0 && (
        <p data-testid={`extra-waiver-${s.id}`}>
          Extra postage of{' '}
          {formatMoney({ amount: waivedInvoices.reduce((sum, o) => sum + o.extraDue.amount, 0), currency: waivedInvoices[0]!.extraDue.currency })} waived{' '}
          {formatDateTime(waiver.waivedAt)}
          {waiver.reason && <>: “{waiver.reason}”</>}
        </p>
      )}
      {s.tracking.length > 0 && (
        <ol className="tracking" aria-label={`Tracking of shipment ${s.id.slice(0, 8)}`}>
          {s.tracking.map((t) => (
            <li key={`${t.status}-${t.at}`}>
              {formatDateTime(t.at)}: {stepWords[t.status]}
              {t.note && <> ({t.note})</>}
            </li>
          ))}
        </ol>
      )}
      {s.deliveredAt && <p>Delivered {formatDateTime(s.deliveredAt)}.</p>}
      {s.returnedAt && <p>Back at the store {formatDateTime(s.returnedAt)}.</p>}
      {s.status === 'DISPATCHED' && (
        <Form method="post" className="inline-form" aria-label={`Record a tracking step of shipment ${s.id.slice(0, 8)}`}>
          <input type="hidden" name="intent" value="track" />
          <input type="hidden" name="shipmentId" value={s.id} />
          <div className="field">
            <label htmlFor={`step-${s.id}`}>Step</label>
            <select id={`step-${s.id}`} name="status" defaultValue="DELIVERED">
              {trackingSteps.map((t) => (
                <option key={t} value={t}>
                  {stepWords[t]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`at-${s.id}`}>When (UTC; empty: now)</label>
            <input id={`at-${s.id}`} name="at" type="datetime-local" />
          </div>
          <div className="field">
            <label htmlFor={`step-note-${s.id}`}>Carrier’s note (optional)</label>
            <input id={`step-note-${s.id}`} name="note" maxLength={200} />
          </div>
          <button type="submit" disabled={submitting}>
            Record the step
          </button>
        </Form>
      )}
    </>
  );
}
