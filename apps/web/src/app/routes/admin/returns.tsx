import { Form, Link, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import type { ReturnedCondition, ReturnPostage, ReturnStatus } from '../../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { CheckFilter } from '../../components/check-filter.js';
import { DoneMessage } from '../../components/done-message.js';
import { Pager, pageQuery } from '../../components/pager.js';
import { ReturnDestination } from '../../components/return-destination.js';
import { ApiError, callApi, messageWithProblems, pageError } from '../../lib/api.server.js';
import { everyValue } from '../../lib/every-value.js';
import { formatDateTime, formatMoney } from '../../lib/format.js';
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
const statusWords: Record<ReturnStatus, string> = {
  REQUESTED: 'Waiting for the item',
  REFUNDED: 'Came back as the policy asks: refunded',
  REJECTED: 'Did not come back as the policy asks: nothing refunded',
};
const conditions = everyValue<ReturnedCondition>()(['PERFECT_UNUSED', 'USED_OR_DAMAGED']);
const conditionWords: Record<ReturnedCondition, string> = { PERFECT_UNUSED: 'Perfect and unused', USED_OR_DAMAGED: 'Used or damaged' };
const postageWords: Record<ReturnPostage, string> = {
  STORE: 'the store pays the postage',
  SHARED: 'postage shared',
  CUSTOMER: 'the customer pays the postage',
};
const done: Record<string, string> = { received: 'The return was recorded: after-sales applied the order’s policy (see it below under its new state).' };
const pageSize = pageSizes.BackOfficeReturns;

export const meta: Route.MetaFunction = () => [{ title: 'Returns | Back office | Vitrine' }];

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
    done: done[params.get('done') ?? ''] ?? null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'aftersales:decide');
  const form = await request.formData();
  const returnId = field(form, 'returnId');
  const condition = field(form, 'condition') as ReturnedCondition;
  if (!conditions.includes(condition)) return { returnId, error: 'Say in what condition the item came back.' };
  const note = field(form, 'note');
  try {
    await callApi(context, receiveMutation, { returnId, input: { condition, ...(note ? { note } : {}) } }, staff.accessToken);
    return backToPage(request, 'received');
  } catch (err) {
    if (err instanceof ApiError) return { returnId, error: messageWithProblems(err) };
    throw err;
  }
}

export default function BackOfficeReturns({ loaderData, actionData }: Route.ComponentProps) {
  const { page, nextQuery, mayOrders } = loaderData;
  const submitting = useNavigation().state === 'submitting';
  return (
    <>
      <h1>Returns</h1>
      <p>Items customers send back because they changed their mind, under their order’s policy. Record each one when it arrives.</p>
      <DoneMessage message={actionData ? null : loaderData.done} />
      <Form method="get" className="filters">
        <CheckFilter legend="State (none ticked: waiting for the item)" name="status" values={statuses} words={statusWords} checked={loaderData.statuses} />
        <button type="submit">Show returns</button>
      </Form>
      {/* A refusal for a return no longer in the list (another tab recorded it meanwhile): shown above it. */}
      {actionData && !page.items.some((r) => r.id === actionData.returnId) && <ApiErrorMessage message={actionData.error} />}
      <h2>
        {page.totalCount} return{page.totalCount === 1 ? '' : 's'}, oldest request first
      </h2>
      <ul className="orders">
        {page.items.map((r) => (
          <li key={r.id} className="order-card">
            <article aria-labelledby={`return-${r.id}`}>
              <h3 id={`return-${r.id}`}>
                Return {r.id.slice(0, 8)} · {statusWords[r.status]}
              </h3>
              <p>
                Asked {formatDateTime(r.requestedAt)} · order{' '}
                {mayOrders ? <Link to={`/admin/orders/${r.orderId}`}>{r.orderId.slice(0, 8)}</Link> : r.orderId.slice(0, 8)} ·{' '}
                <Link to={`/admin/products/${r.productId}`}>the figure</Link>
              </p>
              <p data-testid="return-quote">
                Refund if it comes back as the policy asks: {formatMoney(r.quotedRefund)} (restocking fee {formatMoney(r.restockingFee)}, shipping{' '}
                {formatMoney(r.shippingRefund)}, {postageWords[r.returnPostage]}). <span className="muted">{r.rule.text}</span>
              </p>
              <ReturnDestination sendTo={r.sendTo} sendToUnknown={r.sendToUnknown} parcelReference={r.parcelReference} />
              {r.receivedAt && (
                <p data-testid="return-outcome">
                  Arrived {formatDateTime(r.receivedAt)}
                  {r.condition && <> · {conditionWords[r.condition]}</>} · refunded {r.refund ? formatMoney(r.refund) : 'nothing'}
                  {r.inspectionRule && <span className="muted"> ({r.inspectionRule.text})</span>}
                </p>
              )}
              {actionData?.returnId === r.id && <ApiErrorMessage message={actionData.error} />}
              {r.status === 'REQUESTED' && (
                <Form method="post" className="inline-form" aria-label={`Record the arrival of return ${r.id.slice(0, 8)}`}>
                  <input type="hidden" name="returnId" value={r.id} />
                  <div className="field">
                    <label htmlFor={`condition-${r.id}`}>Condition</label>
                    <select id={`condition-${r.id}`} name="condition" defaultValue="PERFECT_UNUSED">
                      {conditions.map((c) => (
                        <option key={c} value={c}>
                          {conditionWords[c]}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`note-${r.id}`}>Note (optional, audited)</label>
                    <input id={`note-${r.id}`} name="note" maxLength={1000} />
                  </div>
                  <button type="submit" disabled={submitting}>
                    Record the arrival
                  </button>
                </Form>
              )}
            </article>
          </li>
        ))}
      </ul>
      <Pager next={nextQuery} nextLabel="Later requests" />
    </>
  );
}
