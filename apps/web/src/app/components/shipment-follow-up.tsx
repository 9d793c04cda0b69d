import { Form } from 'react-router';
import type { TrackingStatus } from '../../__generated__/app/graphql.js';
import { everyValue } from '../lib/every-value.js';
import { useI18n, useWords } from '../lib/i18n.js';
import { shipmentFollowUpWords } from '../lib/messages/admin/shipment-follow-up.js';

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

export function ShipmentFollowUp({ shipment: s, submitting }: { shipment: FollowedShipment; submitting: boolean }) {
  const { money, dateTime } = useI18n();
  const w = useWords(shipmentFollowUpWords);
  const extraInvoice = (o: FollowedShipment['orders'][number], waivedAt: string | null): string | null => {
    if (o.extraDue.amount <= 0) return null;
    if (!o.invoicePaidAt && waivedAt) return w.extraWaived(money(o.extraDue), dateTime(waivedAt));
    return o.invoicePaidAt ? w.extraPaid(money(o.extraDue), dateTime(o.invoicePaidAt)) : w.extraAwaited(money(o.extraDue));
  };
  const quoted = s.orders.some((o) => o.finalShare);
  const waiver = s.extraShippingWaiver ?? null;
  const waivedAt = waiver?.waivedAt ?? null;
  const waivedInvoices = s.orders.filter((o) => o.extraDue.amount > 0 && !o.invoicePaidAt);
  return (
    <>
      {s.consolidatedInto && <p>{w.consolidatedInto(s.consolidatedInto.slice(0, 8))}</p>}
      {quoted && (
        <ul data-testid={`shipping-money-${s.id}`}>
          {s.orders.map((o) => (
            <li key={o.orderId}>
              {w.orderShipping(o.orderId.slice(0, 8), money(o.estimatePaid), o.finalShare ? money(o.finalShare) : null)}
              {o.excessRefund.amount > 0 && <>, {w.excessRefunded(money(o.excessRefund))}</>}
              {extraInvoice(o, waivedAt) && <>, {extraInvoice(o, waivedAt)}</>}
            </li>
          ))}
        </ul>
      )}
      {waiver && waivedInvoices.length > 0 && (
        <p data-testid={`extra-waiver-${s.id}`}>
          {w.waived(
            money({ amount: waivedInvoices.reduce((sum, o) => sum + o.extraDue.amount, 0), currency: waivedInvoices[0]!.extraDue.currency }),
            dateTime(waiver.waivedAt),
          )}
          {waiver.reason && w.waiverReason(waiver.reason)}
        </p>
      )}
      {s.tracking.length > 0 && (
        <ol className="tracking" aria-label={w.trackingOf(s.id.slice(0, 8))}>
          {s.tracking.map((t) => (
            <li key={`${t.status}-${t.at}`}>
              {w.stepAt(dateTime(t.at), w.steps[t.status])}
              {t.note && <> ({t.note})</>}
            </li>
          ))}
        </ol>
      )}
      {s.deliveredAt && <p>{w.delivered(dateTime(s.deliveredAt))}</p>}
      {s.returnedAt && <p>{w.returned(dateTime(s.returnedAt))}</p>}
      {s.status === 'DISPATCHED' && (
        <Form method="post" className="inline-form" aria-label={w.recordStepOf(s.id.slice(0, 8))}>
          <input type="hidden" name="intent" value="track" />
          <input type="hidden" name="shipmentId" value={s.id} />
          <div className="field">
            <label htmlFor={`step-${s.id}`}>{w.step}</label>
            <select id={`step-${s.id}`} name="status" defaultValue="DELIVERED">
              {trackingSteps.map((t) => (
                <option key={t} value={t}>
                  {w.steps[t]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`at-${s.id}`}>{w.when}</label>
            <input id={`at-${s.id}`} name="at" type="datetime-local" />
          </div>
          <div className="field">
            <label htmlFor={`step-note-${s.id}`}>{w.note}</label>
            <input id={`step-note-${s.id}`} name="note" maxLength={200} />
          </div>
          <button type="submit" disabled={submitting}>
            {w.recordStep}
          </button>
        </Form>
      )}
    </>
  );
}
