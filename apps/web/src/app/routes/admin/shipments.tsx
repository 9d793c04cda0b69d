import { Form, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { CheckFilter } from '../../components/check-filter.js';
import { DoneMessage } from '../../components/done-message.js';
import { Pager, pageQuery } from '../../components/pager.js';
import type { ShipmentStatus, TrackingStatus } from '../../../__generated__/app/graphql.js';
import { ShipmentFollowUp, trackingSteps } from '../../components/shipment-follow-up.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { sectionMeta } from '../../lib/back-office-meta.js';
import { everyValue } from '../../lib/every-value.js';
import { useI18n, useWords, wordsIn } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { shipmentsWords } from '../../lib/messages/admin/shipments.js';
import { toMinorUnits } from '../../lib/money-input.js';
import { refusalFor } from '../../lib/refusal.server.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, formOutOfDate, requireStaff } from '../../lib/staff.server.js';
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
const allStatuses = everyValue<ShipmentStatus>()([
  'OPEN',
  'AWAITING_PART',
  'AWAITING_PAYMENT',
  'READY',
  'DISPATCHED',
  'DELIVERED',
  'RETURNED_TO_SENDER',
  'CONSOLIDATED',
]);
/** What the last step did (the page words it), from the `done` it came back with. */
type Done = keyof (typeof shipmentsWords)['en']['done'];
const doneSteps = Object.keys(shipmentsWords.en.done) as Done[];

const perPage = pageSizes.BackOfficeShipments;
/** Shipments ticked to combine, carried from page to page in the address (logistics takes at most 20). */
const pickedToCombine = (params: URLSearchParams) => [...new Set(params.getAll('combine'))].filter((id) => /^[0-9a-f-]{36}$/i.test(id)).slice(0, 20);

export const meta: Route.MetaFunction = (args) => sectionMeta(args, 'shipments');

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
    done: doneSteps.find((step) => step === params.get('done')) ?? null,
  };
}

const positive = (value: string) => (/^\d+$/.test(value) && Number(value) > 0 ? Number(value) : null);

export async function action({ request, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'logistics:fulfil');
  const form = await request.formData();
  const intent = field(form, 'intent');
  const shipmentId = field(form, 'shipmentId');
  const locale = await requestLocale(request, context);
  const w = wordsIn(shipmentsWords, locale);
  try {
    if (intent === 'pack') {
      const [weightGrams, lengthMm, widthMm, heightMm] = ['weight', 'length', 'width', 'height'].map((n) => positive(field(form, n)));
      if (!weightGrams || !lengthMm || !widthMm || !heightMm) return { shipmentId, error: w.sizesWhole };
      const currency = field(form, 'currency') || 'USD';
      const typedCost = field(form, 'finalCost');
      const finalCost = typedCost ? toMinorUnits(typedCost, currency, locale) : undefined;
      if (finalCost === null) return { shipmentId, error: w.priceAmount(currency) };
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
      if (!reason) return { shipmentId, error: w.waiveReason };
      await callApi(context, waiveMutation, { shipmentId, reason }, staff.accessToken);
      return backToPage(request, 'waived');
    }
    if (intent === 'track') {
      const status = field(form, 'status') as TrackingStatus;
      if (!(trackingSteps as readonly string[]).includes(status)) return { shipmentId, error: w.chooseStep };
      const at = field(form, 'at');
      const note = field(form, 'note');
      if (at && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(at)) return { shipmentId, error: w.stepTime };
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
    return { shipmentId, error: await formOutOfDate(request, context) };
  } catch (err) {
    if (err instanceof ApiError)
      return { shipmentId: intent === 'consolidate' ? 'combine' : shipmentId, error: await refusalFor(request, context, err, { withProblems: true }) };
    throw err;
  }
}

export default function BackOfficeShipments({ loaderData, actionData }: Route.ComponentProps) {
  const { shipments, statuses, lateOnly, pages, picked, pickedElsewhere } = loaderData;
  const { money, dateTime } = useI18n();
  const w = useWords(shipmentsWords);
  const frame = useWords(backOfficeWords);
  const message = actionData || !loaderData.done ? null : w.done[loaderData.done];
  const submitting = useNavigation().state === 'submitting';
  return (
    <>
      <h1>{frame.sections.shipments.title}</h1>
      <DoneMessage message={message} />
      {/* A refusal for a shipment the queue no longer lists (it moved on meanwhile): said at the top. */}
      {actionData && actionData.shipmentId !== 'combine' && !shipments.some((s) => s.id === actionData.shipmentId) && (
        <ApiErrorMessage message={actionData.error} />
      )}
      <Form method="get" className="filters">
        <CheckFilter legend={w.status} name="status" values={allStatuses} words={w.statuses} checked={statuses} />
        <div className="choice">
          <input type="checkbox" id="late" name="late" defaultChecked={lateOnly} />
          <label htmlFor="late">{w.lateOnly}</label>
        </div>
        <button type="submit">{w.show}</button>
      </Form>
      <h2>{w.count(shipments.length, Boolean(pages.first), Boolean(pages.next))}</h2>
      <ul className="orders">
        {shipments.map((s) => {
          const currency = s.orders[0]?.estimatePaid.currency ?? 'USD';
          const estimate = s.orders.reduce((sum, o) => sum + o.estimatePaid.amount, 0);
          return (
            <li key={s.id} className={`order-card${s.late ? ' late' : ''}`}>
              <article aria-labelledby={`shipment-${s.id}`}>
                <h3 id={`shipment-${s.id}`}>
                  {w.card(s.id.slice(0, 8), w.statuses[s.status])}
                  {s.late && <span className="badge badge-late">{w.late}</span>}
                </h3>
                <p>
                  {s.kind === 'REPLACEMENT' ? w.replacement : w.orders(s.orders.length)} · {w.route(s.method ?? null, s.destination ?? null)} ·{' '}
                  {w.opened(dateTime(s.openedAt))}
                  {s.handoverBy && <> · {w.dueBy(dateTime(s.handoverBy))}</>}
                </p>
                <p>
                  {w.shippingPaid(money({ amount: estimate, currency }))}
                  {s.finalCost && <>, {w.finalCost(money(s.finalCost))}</>}
                  {s.weightGrams && <>, {s.weightGrams} g</>}
                  {s.trackingNumber && (
                    <>
                      , {s.carrier} {s.trackingNumber}
                    </>
                  )}
                </p>
                {actionData?.shipmentId === s.id && <ApiErrorMessage message={actionData.error} />}
                {s.status === 'OPEN' && (
                  <Form method="post" className="inline-form" aria-label={w.packShipment(s.id.slice(0, 8))}>
                    <input type="hidden" name="intent" value="pack" />
                    <input type="hidden" name="shipmentId" value={s.id} />
                    <input type="hidden" name="currency" value={currency} />
                    {[
                      ['weight', w.weight],
                      ['length', w.length],
                      ['width', w.width],
                      ['height', w.height],
                    ].map(([name, label]) => (
                      <div className="field" key={name}>
                        <label htmlFor={`${name}-${s.id}`}>{label}</label>
                        <input id={`${name}-${s.id}`} name={name} type="number" min={1} step={1} required />
                      </div>
                    ))}
                    <div className="field">
                      <label htmlFor={`cost-${s.id}`}>{w.carrierPrice(currency)}</label>
                      <input id={`cost-${s.id}`} name="finalCost" inputMode="decimal" />
                    </div>
                    <button type="submit" disabled={submitting}>
                      {w.recordParcel}
                    </button>
                  </Form>
                )}
                {s.status === 'OPEN' && s.kind === 'ORDER' && (
                  <div className="choice">
                    <input type="checkbox" id={`combine-${s.id}`} name="combine" value={s.id} form="combine" defaultChecked={picked.includes(s.id)} />
                    <label htmlFor={`combine-${s.id}`}>{w.combineWith}</label>
                  </div>
                )}
                <ShipmentFollowUp shipment={s} submitting={submitting} />
                {s.status === 'AWAITING_PAYMENT' && (
                  <Form method="post" className="inline-form" aria-label={w.waiveOf(s.id.slice(0, 8))}>
                    <input type="hidden" name="intent" value="waive" />
                    <input type="hidden" name="shipmentId" value={s.id} />
                    <div className="field">
                      <label htmlFor={`waive-reason-${s.id}`}>{w.whyAbsorb}</label>
                      <input id={`waive-reason-${s.id}`} name="reason" required maxLength={500} />
                    </div>
                    <button type="submit" disabled={submitting}>
                      {w.waive}
                    </button>
                  </Form>
                )}
                {s.status === 'READY' && (
                  <Form method="post" className="inline-form" aria-label={w.dispatchShipment(s.id.slice(0, 8))}>
                    <input type="hidden" name="intent" value="dispatch" />
                    <input type="hidden" name="shipmentId" value={s.id} />
                    <div className="field">
                      <label htmlFor={`carrier-${s.id}`}>{w.carrier}</label>
                      <input id={`carrier-${s.id}`} name="carrier" required list="carriers" />
                    </div>
                    <div className="field">
                      <label htmlFor={`tracking-${s.id}`}>{w.trackingNumber}</label>
                      <input id={`tracking-${s.id}`} name="trackingNumber" required minLength={4} maxLength={80} />
                    </div>
                    <button type="submit" disabled={submitting}>
                      {w.handOver}
                    </button>
                  </Form>
                )}
              </article>
            </li>
          );
        })}
      </ul>
      <Pager first={pages.first} firstLabel={w.oldest} next={pages.next} nextLabel={w.laterShipments} />
      {(pickedElsewhere.length > 0 || shipments.some((s) => s.status === 'OPEN' && s.kind === 'ORDER')) && (
        <Form method="post" id="combine" className="stacked admin-form" aria-label={w.combineForm}>
          <h2>{w.combineTitle}</h2>
          <p>
            {w.combineHelp}
            {pages.nextCursor && w.combineAcrossPages}
          </p>
          {pickedElsewhere.length > 0 && (
            <fieldset>
              <legend>{w.tickedElsewhere}</legend>
              {pickedElsewhere.map((id) => (
                <div className="choice" key={id}>
                  <input type="checkbox" id={`combine-kept-${id}`} name="combine" value={id} defaultChecked />
                  <label htmlFor={`combine-kept-${id}`}>{w.shipment(id.slice(0, 8))}</label>
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
            {w.combine}
          </button>{' '}
          {pages.nextCursor && (
            <button type="submit" formMethod="get" disabled={submitting}>
              {w.keepTicked}
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
