import { Form, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { CheckFilter } from '../../components/check-filter.js';
import { DoneMessage } from '../../components/done-message.js';
import { Pager, pageQuery } from '../../components/pager.js';
import type { ShipmentStatus, TrackingStatus } from '../../../__generated__/app/graphql.js';
import { ShipmentFollowUp, trackingSteps } from '../../components/shipment-follow-up.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { ApiError, callApi, messageWithProblems, pageError } from '../../lib/api.server.js';
import { formatDateTime, formatMoney } from '../../lib/format.js';
import { toMinorUnits } from '../../lib/money-input.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/shipments';
import { pageSizes } from '../../lib/page-sizes.js';

// Within the gateway's query cost limit (20 shipments a page): a waiver's amount is read from its invoices left unpaid.
const shipmentsQuery = graphql(`
  query BackOfficeShipments($first: Int!, $after: String, $filter: ShipmentFilter) {
    shipmentsConnection(first: $first, after: $after, filter: $filter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
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
          extraShippingWaiver {
            reason
            waivedAt
          }
          tracking {
            status
            at
            note
          }
        }
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
const waiveMutation = graphql(`
  mutation BackOfficeWaiveExtraShipping($shipmentId: ID!, $reason: String!) {
    waiveExtraShipping(shipmentId: $shipmentId, reason: $reason) {
      status
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
  waived: 'The extra postage was waived: the parcel is ready to hand over.',
};

const perPage = pageSizes.BackOfficeShipments;
/** Shipments ticked to combine, carried from page to page in the address (logistics takes at most 20). */
const pickedToCombine = (params: URLSearchParams) => [...new Set(params.getAll('combine'))].filter((id) => /^[0-9a-f-]{36}$/i.test(id)).slice(0, 20);

export const meta: Route.MetaFunction = () => [{ title: 'Shipments | Back office | Vitrine' }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'logistics:fulfil');
  const params = new URL(request.url).searchParams;
  const chosen = params.getAll('status').filter((s): s is ShipmentStatus => allStatuses.includes(s as ShipmentStatus));
  const lateOnly = params.get('late') === 'on';
  const statuses = chosen.length > 0 ? chosen : toDo;
  const { shipmentsConnection: queue } = await callApi(
    context,
    shipmentsQuery,
    { first: perPage, after: params.get('after'), filter: { statuses, ...(lateOnly ? { late: true } : {}) } },
    staff.accessToken,
  ).catch(pageError);
  const shipments = queue.edges.map((e) => e.node);
  // The queue by pages, oldest first, following logistics' cursor with the same filters and picks.
  const pages = {
    next: queue.pageInfo.hasNextPage ? pageQuery(params, 'after', queue.pageInfo.endCursor ?? null, ['done']) : null,
    first: params.has('after') ? pageQuery(params, 'after', null, ['done']) : null,
    nextCursor: queue.pageInfo.hasNextPage ? (queue.pageInfo.endCursor ?? null) : null,
  };
  const picked = pickedToCombine(params);
  // Late ones first within the page (the API flags them); otherwise the queue's own order, oldest first.
  return {
    shipments: [...shipments].sort((a, b) => Number(b.late) - Number(a.late)),
    statuses,
    lateOnly,
    pages,
    picked,
    pickedElsewhere: picked.filter((id) => !shipments.some((s) => s.id === id)),
    done: done[params.get('done') ?? ''] ?? null,
  };
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
    if (intent === 'waive') {
      const reason = field(form, 'reason').trim();
      if (!reason) return { shipmentId, error: 'Say why the store absorbs the extra postage.' };
      await callApi(context, waiveMutation, { shipmentId, reason }, staff.accessToken);
      return backToPage(request, 'waived');
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
      // Combined: the picks carried from other pages are done with, and the queue starts again from its first page.
      const url = new URL(request.url);
      for (const key of ['combine', 'after']) url.searchParams.delete(key);
      return backToPage(new Request(url), 'consolidated');
    }
    return { shipmentId, error: 'This form is out of date. Please reload the page.' };
  } catch (err) {
    if (err instanceof ApiError) return { shipmentId: intent === 'consolidate' ? 'combine' : shipmentId, error: messageWithProblems(err) };
    throw err;
  }
}

export default function BackOfficeShipments({ loaderData, actionData }: Route.ComponentProps) {
  const { shipments, statuses, lateOnly, pages, picked, pickedElsewhere } = loaderData;
  const message = actionData ? null : loaderData.done;
  const submitting = useNavigation().state === 'submitting';
  return (
    <>
      <h1>Shipments</h1>
      <DoneMessage message={message} />
      {/* A refusal for a shipment the queue no longer lists (it moved on meanwhile): said at the top. */}
      {actionData && actionData.shipmentId !== 'combine' && !shipments.some((s) => s.id === actionData.shipmentId) && (
        <ApiErrorMessage message={actionData.error} />
      )}
      <Form method="get" className="filters">
        <CheckFilter legend="Status" name="status" values={allStatuses} words={statusWords} checked={statuses} />
        <div className="choice">
          <input type="checkbox" id="late" name="late" defaultChecked={lateOnly} />
          <label htmlFor="late">Late only (unpacked past the handover deadline)</label>
        </div>
        <button type="submit">Show shipments</button>
      </Form>
      <h2>
        {pages.first ? 'Later in the queue: ' : ''}
        {shipments.length} shipment{shipments.length === 1 ? '' : 's'}
        {pages.next ? ' (more on the next page)' : ''}
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
                    <input type="checkbox" id={`combine-${s.id}`} name="combine" value={s.id} form="combine" defaultChecked={picked.includes(s.id)} />
                    <label htmlFor={`combine-${s.id}`}>Combine with other ticked shipments</label>
                  </div>
                )}
                <ShipmentFollowUp shipment={s} submitting={submitting} />
                {s.status === 'AWAITING_PAYMENT' && (
                  <Form method="post" className="inline-form" aria-label={`Waive the extra postage of shipment ${s.id.slice(0, 8)}`}>
                    <input type="hidden" name="intent" value="waive" />
                    <input type="hidden" name="shipmentId" value={s.id} />
                    <div className="field">
                      <label htmlFor={`waive-reason-${s.id}`}>Why the store absorbs it</label>
                      <input id={`waive-reason-${s.id}`} name="reason" required maxLength={500} />
                    </div>
                    <button type="submit" disabled={submitting}>
                      Waive the extra postage
                    </button>
                  </Form>
                )}
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
      <Pager first={pages.first} firstLabel="Oldest shipments" next={pages.next} nextLabel="Later shipments" />
      {(pickedElsewhere.length > 0 || shipments.some((s) => s.status === 'OPEN' && s.kind === 'ORDER')) && (
        <Form method="post" id="combine" className="stacked admin-form" aria-label="Combine shipments">
          <h2>Combine shipments into one parcel</h2>
          <p>
            Tick two or more unpacked shipments of one customer (same address, warehouse and method) above: the oldest keeps its id and carries every order.
            {pages.nextCursor && ' To tick some on the next page too, keep these ticked and go on with the button below.'}
          </p>
          {pickedElsewhere.length > 0 && (
            <fieldset>
              <legend>Ticked on other pages</legend>
              {pickedElsewhere.map((id) => (
                <div className="choice" key={id}>
                  <input type="checkbox" id={`combine-kept-${id}`} name="combine" value={id} defaultChecked />
                  <label htmlFor={`combine-kept-${id}`}>Shipment {id.slice(0, 8)}</label>
                </div>
              ))}
            </fieldset>
          )}
          {/* What the next page's address needs besides the picks: the filters and where the queue goes on. */}
          {statuses.map((status) => (
            <input key={status} type="hidden" name="status" value={status} />
          ))}
          {lateOnly && <input type="hidden" name="late" value="on" />}
          {pages.nextCursor && <input type="hidden" name="after" value={pages.nextCursor} />}
          {actionData?.shipmentId === 'combine' && <ApiErrorMessage message={actionData.error} />}
          <button type="submit" name="intent" value="consolidate" disabled={submitting}>
            Combine the ticked shipments
          </button>{' '}
          {pages.nextCursor && (
            <button type="submit" formMethod="get" disabled={submitting}>
              Keep them ticked and show later shipments
            </button>
          )}
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
