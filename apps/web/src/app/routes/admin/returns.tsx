import { Form, Link, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import type { ReturnedCondition, ReturnStatus } from '../../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { CheckFilter } from '../../components/check-filter.js';
import { DoneMessage } from '../../components/done-message.js';
import { Pager, pageQuery } from '../../components/pager.js';
import { ReturnDestination } from '../../components/return-destination.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { sectionMeta } from '../../lib/back-office-meta.js';
import { everyValue } from '../../lib/every-value.js';
import { useI18n, useWords, wordsIn } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { returnsWords } from '../../lib/messages/admin/returns.js';
import { refusalFor } from '../../lib/refusal.server.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/returns';
import { pageSizes } from '../../lib/page-sizes.js';

const returnsQuery = graphql(`
  query BackOfficeReturns($filter: ReturnQueueFilter, $first: Int!, $offset: Int!) {
    preferenceReturns(filter: $filter, first: $first, offset: $offset) {
      totalCount
      hasNextPage
      nextOffset
      items {
        id
        orderId
        productId
        status
        requestedAt
        quotedRefund {
          amount
          currency
        }
        restockingFee {
          amount
          currency
        }
        shippingRefund {
          amount
          currency
        }
        returnPostage
        rule {
          id
          text
        }
        condition
        refund {
          amount
          currency
        }
        inspectionRule {
          id
          text
        }
        receivedAt
        sendTo {
          ...ReturnAddressFields
        }
        sendToUnknown
        parcelReference
      }
    }
  }
`);
const receiveMutation = graphql(`
  mutation BackOfficeReceiveReturn($returnId: ID!, $input: ReceiveReturnInput!) {
    receiveReturn(returnId: $returnId, input: $input) {
      status
    }
  }
`);

const statuses = everyValue<ReturnStatus>()(['REQUESTED', 'REFUNDED', 'REJECTED']);
const conditions = everyValue<ReturnedCondition>()(['PERFECT_UNUSED', 'USED_OR_DAMAGED']);
const pageSize = pageSizes.BackOfficeReturns;

export const meta: Route.MetaFunction = (args) => sectionMeta(args, 'returns');

/** After-sales' return queue (returns for preference: the customer changed their mind), oldest request first. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'aftersales:decide');
  const params = new URL(request.url).searchParams;
  const picked = params.getAll('status').filter((s): s is ReturnStatus => statuses.includes(s as ReturnStatus));
  const offset = Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0);
  const filter = { statuses: picked.length > 0 ? picked : (['REQUESTED'] as ReturnStatus[]) };
  const { preferenceReturns } = await callApi(context, returnsQuery, { filter, first: pageSize, offset }, staff.accessToken).catch(pageError);
  return {
    page: preferenceReturns,
    nextQuery: preferenceReturns.hasNextPage ? pageQuery(params, 'offset', preferenceReturns.nextOffset?.toString() ?? null, ['done']) : null,
    statuses: filter.statuses,
    // Links to the order only for staff who may open it.
    mayOrders: staff.scopes.includes('orders:manage'),
    received: params.get('done') === 'received',
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'aftersales:decide');
  const form = await request.formData();
  const returnId = field(form, 'returnId');
  const condition = field(form, 'condition') as ReturnedCondition;
  if (!conditions.includes(condition)) return { returnId, error: wordsIn(returnsWords, await requestLocale(request, context)).conditionMissing };
  const note = field(form, 'note');
  try {
    await callApi(context, receiveMutation, { returnId, input: { condition, ...(note ? { note } : {}) } }, staff.accessToken);
    return backToPage(request, 'received');
  } catch (err) {
    if (err instanceof ApiError) return { returnId, error: await refusalFor(request, context, err, { withProblems: true }) };
    throw err;
  }
}

export default function BackOfficeReturns({ loaderData, actionData }: Route.ComponentProps) {
  const { page, nextQuery, mayOrders } = loaderData;
  const { money, dateTime } = useI18n();
  const w = useWords(returnsWords);
  const frame = useWords(backOfficeWords);
  const submitting = useNavigation().state === 'submitting';
  return (
    <>
      <h1>{frame.sections.returns.title}</h1>
      <p>{w.intro}</p>
      <DoneMessage message={actionData || !loaderData.received ? null : w.received} />
      <Form method="get" className="filters">
        <CheckFilter legend={w.stateFilter} name="status" values={statuses} words={w.statuses} checked={loaderData.statuses} />
        <button type="submit">{w.show}</button>
      </Form>
      {/* A refusal for a return no longer in the list (another tab recorded it meanwhile): shown above it. */}
      {actionData && !page.items.some((r) => r.id === actionData.returnId) && <ApiErrorMessage message={actionData.error} />}
      <h2>{w.count(page.totalCount)}</h2>
      <ul className="orders">
        {page.items.map((r) => (
          <li key={r.id} className="order-card">
            <article aria-labelledby={`return-${r.id}`}>
              <h3 id={`return-${r.id}`}>{w.card(r.id.slice(0, 8), w.statuses[r.status])}</h3>
              <p>
                {w.askedOrder(dateTime(r.requestedAt))}
                {mayOrders ? <Link to={`/admin/orders/${r.orderId}`}>{r.orderId.slice(0, 8)}</Link> : r.orderId.slice(0, 8)} ·{' '}
                <Link to={`/admin/products/${r.productId}`}>{w.theFigure}</Link>
              </p>
              <p data-testid="return-quote">
                {w.quote(money(r.quotedRefund), money(r.restockingFee), money(r.shippingRefund), w.postage[r.returnPostage])}
                <span className="muted">{r.rule.text}</span>
              </p>
              <ReturnDestination sendTo={r.sendTo} sendToUnknown={r.sendToUnknown} parcelReference={r.parcelReference} />
              {r.receivedAt && (
                <p data-testid="return-outcome">
                  {w.arrived(dateTime(r.receivedAt))}
                  {r.condition && <> · {w.conditions[r.condition]}</>}
                  {w.refunded(r.refund ? money(r.refund) : null)}
                  {r.inspectionRule && <span className="muted"> ({r.inspectionRule.text})</span>}
                </p>
              )}
              {actionData?.returnId === r.id && <ApiErrorMessage message={actionData.error} />}
              {r.status === 'REQUESTED' && (
                <Form method="post" className="inline-form" aria-label={w.recordArrivalOf(r.id.slice(0, 8))}>
                  <input type="hidden" name="returnId" value={r.id} />
                  <div className="field">
                    <label htmlFor={`condition-${r.id}`}>{w.condition}</label>
                    <select id={`condition-${r.id}`} name="condition" defaultValue="PERFECT_UNUSED">
                      {conditions.map((c) => (
                        <option key={c} value={c}>
                          {w.conditions[c]}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`note-${r.id}`}>{w.note}</label>
                    <input id={`note-${r.id}`} name="note" maxLength={1000} />
                  </div>
                  <button type="submit" disabled={submitting}>
                    {w.recordArrival}
                  </button>
                </Form>
              )}
            </article>
          </li>
        ))}
      </ul>
      <Pager next={nextQuery} nextLabel={w.later} />
    </>
  );
}
