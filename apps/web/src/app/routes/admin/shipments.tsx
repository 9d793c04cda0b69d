import { Form, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { CheckFilter } from '../../components/check-filter.js';
import { DoneMessage } from '../../components/done-message.js';
import type { ShipmentStatus, TrackingStatus } from '../../../__generated__/app/graphql.js';
import { ShipmentFollowUp, trackingSteps } from '../../components/shipment-follow-up.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { ApiError, callApi, messageWithProblems, pageError } from '../../lib/api.server.js';
import { formatDateTime, formatMoney } from '../../lib/format.js';
import { toMinorUnits } from '../../lib/money-input.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/shipments';

const shipmentsQuery = graphql(`
  query BackOfficeShipments($first: Int!, $filter: ShipmentFilter) {
    shipments(first: $first, filter: $filter) {
      id
      status
      kind
      method
      destination
      handoverBy
      late
      weightGrams
      finalCost {
        amount
        currency
      }
      carrier
      trackingNumber
      openedAt
      dispatchedAt
      deliveredAt
      returnedAt
      consolidatedInto
      orders {
        orderId
        estimatePaid {
          amount
          currency
        }
        finalShare {
          amount
          currency
        }
        excessRefund {
          amount
          currency
        }
        extraDue {
          amount
          currency
        }
        invoiceId
        invoicePaidAt
      }
      tracking {
        status
        at
        note
      }
    }
  }
`);
const packMutation = graphql(`
  mutation BackOfficeRecordParcel($shipmentId: ID!, $parcel: PackedParcelInput!) {
    recordParcel(shipmentId: $shipmentId, parcel: $parcel) {
      status
    }
  }
`);
const trackMutation = graphql(`
  mutation BackOfficeRecordTracking($shipmentId: ID!, $step: TrackingStepInput!) {
    recordTracking(shipmentId: $shipmentId, step: $step) {
      status
    }
  }
`);
const consolidateMutation = graphql(`
  mutation BackOfficeConsolidate($shipmentIds: [ID!]!) {
    consolidateShipments(shipmentIds: $shipmentIds) {
      id
    }
  }
`);
const dispatchMutation = graphql(`
  mutation BackOfficeDispatch($shipmentId: ID!, $carrier: String!, $trackingNumber: String!) {
    dispatchShipment(shipmentId: $shipmentId, carrier: $carrier, trackingNumber: $trackingNumber) {
      status
    }
  }
`);

/** The queue by default: what still needs the warehouse (to pack, waiting for an extra payment, ready to hand over). */
const toDo: ShipmentStatus[] = ['OPEN', 'AWAITING_PAYMENT', 'READY'];
const statusWords: Record<ShipmentStatus, string> = {
  OPEN: 'To pack',
  AWAITING_PART: 'Waiting for a part',
  AWAITING_PAYMENT: 'Waiting for the extra shipping payment',
  READY: 'Packed: ready to hand over',
  DISPATCHED: 'With the carrier',
  DELIVERED: 'Delivered',
  RETURNED_TO_SENDER: 'Returned to sender',
  CONSOLIDATED: 'Combined into another parcel',
};
const allStatuses = Object.keys(statusWords) as ShipmentStatus[];
const done: Record<string, string> = {
  packed: 'Packed: the parcel is ready to hand over.',
  dispatched: 'Handed over to the carrier.',
  tracked: 'The tracking step was recorded.',
  consolidated: 'The shipments were combined into one parcel.',
};

export const meta: Route.MetaFunction = () => [{ title: 'Shipments | Back office | Vitrine' }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'logistics:fulfil');
  const params = new URL(request.url).searchParams;
  const picked = params.getAll('status').filter((s): s is ShipmentStatus => allStatuses.includes(s as ShipmentStatus));
  const lateOnly = params.get('late') === 'on';
  const statuses = picked.length > 0 ? picked : toDo;
  const { shipments } = await callApi(
    context,
    shipmentsQuery,
    { first: 30, filter: { statuses, ...(lateOnly ? { late: true } : {}) } },
    staff.accessToken,
  ).catch(pageError);
  // Late ones first (the API flags them); otherwise the queue's own order, oldest first.
  return { shipments: [...shipments].sort((a, b) => Number(b.late) - Number(a.late)), statuses, lateOnly, done: done[params.get('done') ?? ''] ?? null };
}

const positive = (value: string) => (/^\d+$/.test(value) && Number(value) > 0 ? Number(value) : null);

export async function action({ request, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'logistics:fulfil');
  const form = await request.formData();
  const intent = field(form, 'intent');
  const shipmentId = field(form, 'shipmentId');
  try {
    if (intent === 'pack') {
      const [weightGrams, lengthMm, widthMm, heightMm] = ['weight', 'length', 'width', 'height'].map((n) => positive(field(form, n)));
      if (!weightGrams || !lengthMm || !widthMm || !heightMm) return { shipmentId, error: 'Weight and every size are whole numbers above zero.' };
      const currency = field(form, 'currency') || 'USD';
      const typedCost = field(form, 'finalCost');
      const finalCost = typedCost ? toMinorUnits(typedCost, currency) : undefined;
      if (finalCost === null) return { shipmentId, error: `Enter the carrier’s price as an amount in ${currency}, e.g. 15.00, or leave it empty.` };
      await callApi(
        context,
        packMutation,
        { shipmentId, parcel: { weightGrams, dimensions: { lengthMm, widthMm, heightMm }, ...(finalCost !== undefined ? { finalCost } : {}) } },
        staff.accessToken,
      );
      return backToPage(request, 'packed');
    }
    if (intent === 'dispatch') {
      await callApi(
        context,
        dispatchMutation,
        { shipmentId, carrier: field(form, 'carrier'), trackingNumber: field(form, 'trackingNumber') },
        staff.accessToken,
      );
      return backToPage(request, 'dispatched');
    }
    if (intent === 'track') {
      const status = field(form, 'status') as TrackingStatus;
      if (!(trackingSteps as readonly string[]).includes(status)) return { shipmentId, error: 'Choose the step the carrier reported.' };
      const at = field(form, 'at');
      const note = field(form, 'note');
      if (at && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(at))
        return { shipmentId, error: 'Give the time as a date and a time (UTC), or leave it empty for now.' };
      // The form's time is UTC, as the back office shows times.
      const step = { status, ...(at ? { at: `${at}:00.000Z` } : {}), ...(note ? { note } : {}) };
      await callApi(context, trackMutation, { shipmentId, step }, staff.accessToken);
      return backToPage(request, 'tracked');
    }
    if (intent === 'consolidate') {
      // Logistics checks the ids (2-20, one customer, address, warehouse and method) and says which one does not fit.
      await callApi(context, consolidateMutation, { shipmentIds: form.getAll('combine').filter((v): v is string => typeof v === 'string') }, staff.accessToken);
      return backToPage(request, 'consolidated');
    }
    return { shipmentId, error: 'This form is out of date. Please reload the page.' };
  } catch (err) {
    if (err instanceof ApiError) return { shipmentId: intent === 'consolidate' ? 'combine' : shipmentId, error: messageWithProblems(err) };
    throw err;
  }
}

export default function BackOfficeShipments({ loaderData, actionData }: Route.ComponentProps) {
  const { shipments, statuses, lateOnly } = loaderData;
  const message = actionData ? null : loaderData.done;
  const submitting = useNavigation().state === 'submitting';
  return (
    <>
      <h1>Shipments</h1>
      <DoneMessage message={message} />
      <Form method="get" className="filters">
        <CheckFilter legend="Status" name="status" values={allStatuses} words={statusWords} checked={statuses} />
        <div className="choice">
          <input type="checkbox" id="late" name="late" defaultChecked={lateOnly} />
          <label htmlFor="late">Late only (unpacked past the handover deadline)</label>
        </div>
        <button type="submit">Show shipments</button>
      </Form>
      <h2>
        {shipments.length} shipment{shipments.length === 1 ? '' : 's'}
      </h2>
      <ul className="orders">
        {shipments.map((s) => {
          const currency = s.orders[0]?.estimatePaid.currency ?? 'USD';
          const estimate = s.orders.reduce((sum, o) => sum + o.estimatePaid.amount, 0);
          return (
            <li key={s.id} className={`order-card${s.late ? ' late' : ''}`}>
              <article aria-labelledby={`shipment-${s.id}`}>
                <h3 id={`shipment-${s.id}`}>
                  Shipment {s.id.slice(0, 8)} · {statusWords[s.status]}
                  {s.late && <span className="badge badge-late">Late</span>}
                </h3>
                <p>
                  {s.kind === 'REPLACEMENT' ? 'Replacement part' : `${s.orders.length} order${s.orders.length === 1 ? '' : 's'}`} · {s.method ?? 'no method'} to{' '}
                  {s.destination ?? '?'} · opened {formatDateTime(s.openedAt)}
                  {s.handoverBy && <> · due at the carrier by {formatDateTime(s.handoverBy)}</>}
                </p>
                <p>
                  Shipping paid: {formatMoney({ amount: estimate, currency })}
                  {s.finalCost && <>, final cost {formatMoney(s.finalCost)}</>}
                  {s.weightGrams && <>, {s.weightGrams} g</>}
                  {s.trackingNumber && (
                    <>
                      , {s.carrier} {s.trackingNumber}
                    </>
                  )}
                </p>
                {actionData?.shipmentId === s.id && <ApiErrorMessage message={actionData.error} />}
                {s.status === 'OPEN' && (
                  <Form method="post" className="inline-form" aria-label={`Pack shipment ${s.id.slice(0, 8)}`}>
                    <input type="hidden" name="intent" value="pack" />
                    <input type="hidden" name="shipmentId" value={s.id} />
                    <input type="hidden" name="currency" value={currency} />
                    {[
                      ['weight', 'Weight (g)'],
                      ['length', 'Length (mm)'],
                      ['width', 'Width (mm)'],
                      ['height', 'Height (mm)'],
                    ].map(([name, label]) => (
                      <div className="field" key={name}>
                        <label htmlFor={`${name}-${s.id}`}>{label}</label>
                        <input id={`${name}-${s.id}`} name={name} type="number" min={1} step={1} required />
                      </div>
                    ))}
                    <div className="field">
                      <label htmlFor={`cost-${s.id}`}>Carrier’s price ({currency}; empty: the rate table’s)</label>
                      <input id={`cost-${s.id}`} name="finalCost" inputMode="decimal" />
                    </div>
                    <button type="submit" disabled={submitting}>
                      Record the parcel
                    </button>
                  </Form>
                )}
                {s.status === 'OPEN' && s.kind === 'ORDER' && (
                  <div className="choice">
                    <input type="checkbox" id={`combine-${s.id}`} name="combine" value={s.id} form="combine" />
                    <label htmlFor={`combine-${s.id}`}>Combine with other ticked shipments</label>
                  </div>
                )}
                <ShipmentFollowUp shipment={s} submitting={submitting} />
                {s.status === 'READY' && (
                  <Form method="post" className="inline-form" aria-label={`Dispatch shipment ${s.id.slice(0, 8)}`}>
                    <input type="hidden" name="intent" value="dispatch" />
                    <input type="hidden" name="shipmentId" value={s.id} />
                    <div className="field">
                      <label htmlFor={`carrier-${s.id}`}>Carrier</label>
                      <input id={`carrier-${s.id}`} name="carrier" required list="carriers" />
                    </div>
                    <div className="field">
                      <label htmlFor={`tracking-${s.id}`}>Tracking number</label>
                      <input id={`tracking-${s.id}`} name="trackingNumber" required minLength={4} maxLength={80} />
                    </div>
                    <button type="submit" disabled={submitting}>
                      Hand over to the carrier
                    </button>
                  </Form>
                )}
              </article>
            </li>
          );
        })}
      </ul>
      {shipments.some((s) => s.status === 'OPEN' && s.kind === 'ORDER') && (
        <Form method="post" id="combine" className="stacked admin-form" aria-label="Combine shipments">
          <h2>Combine shipments into one parcel</h2>
          <p>
            Tick two or more unpacked shipments of one customer (same address, warehouse and method) above: the oldest keeps its id and carries every order.
          </p>
          <input type="hidden" name="intent" value="consolidate" />
          {actionData?.shipmentId === 'combine' && <ApiErrorMessage message={actionData.error} />}
          <button type="submit" disabled={submitting}>
            Combine the ticked shipments
          </button>
        </Form>
      )}
      <datalist id="carriers">
        <option value="COLISSIMO" />
        <option value="DHL" />
        <option value="UPS" />
        <option value="SANDBOX" />
      </datalist>
    </>
  );
}
