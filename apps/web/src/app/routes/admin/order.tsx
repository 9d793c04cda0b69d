import { Form, Link, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { OrderFulfilment } from '../../components/order-fulfilment.js';
import { fulfilmentStep, isFulfilmentIntent } from '../../lib/order-steps.server.js';
import { OrderMoney } from '../../components/order-money.js';
import { ApiError, callApi, messageWithProblems, pageError } from '../../lib/api.server.js';
import { formatDateTime, formatMoney, orderStatusText } from '../../lib/format.js';
import { toMinorUnits } from '../../lib/money-input.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/order';

const orderQuery = graphql(`
  query BackOfficeOrder($id: ID!) {
    order(id: $id) {
      id
      status
      staffSteps
      statusReason
      kind
      paymentPlan
      policyVersion
      placedAt
      shippedAt
      deliveredAt
      trackingNumber
      cancellationRequestedAt
      total {
        amount
        currency
      }
      shippingEstimate {
        amount
        currency
      }
      shippingMethod
      shippingAddress {
        name
        line1
        line2
        city
        postalCode
        country
      }
      lines {
        quantity
        unitPrice {
          amount
          currency
        }
        lineTotal {
          amount
          currency
        }
        product {
          id
          name
          sku
        }
      }
      dues {
        id
        purpose
        amount {
          amount
          currency
        }
        dueAt
        status
        rule
        lastFailure
        paidAt
      }
      outcome {
        kind
        by
        reason
        kept {
          amount
          currency
        }
        refund {
          amount
          currency
        }
        rule {
          text
        }
        feesWaived
        at
      }
      amountPaid {
        amount
        currency
      }
      amountRefunded {
        amount
        currency
      }
      amountDue {
        amount
        currency
      }
      payments {
        id
        status
        purpose
        amount {
          amount
          currency
        }
        paymentMethod
        createdAt
        failure {
          message
        }
      }
      refunds {
        id
        amount {
          amount
          currency
        }
        reason
        status
        createdAt
      }
    }
  }
`);
const moneyTrailQuery = graphql(`
  query BackOfficeOrderMoneyTrail($id: ID!) {
    order(id: $id) {
      moneyTrail {
        transactionId
        sequence
        movement
        reason
        account
        amount {
          amount
          currency
        }
      }
    }
  }
`);
const cancelMutation = graphql(`
  mutation BackOfficeCancelOrder($id: ID!, $reason: String!, $waiveFees: Boolean!) {
    cancelOrder(id: $id, reason: $reason, waiveFees: $waiveFees) {
      status
    }
  }
`);
const refundMutation = graphql(`
  mutation BackOfficeRefund($orderId: ID!, $amount: MoneyInput!, $reason: String!, $key: String!) {
    refundPayment(orderId: $orderId, amount: $amount, reason: $reason, idempotencyKey: $key) {
      id
    }
  }
`);
const done: Record<string, string> = {
  cancelled: 'The order was cancelled.',
  refunded: 'The refund was recorded.',
  confirmShippingDate: 'The shipping date was confirmed.',
  startFulfilment: 'Fulfilment started: the warehouse is on it.',
  markShipped: 'The order was marked as shipped.',
  markDelivered: 'The order was marked as delivered: its return and claim windows are open.',
};
const words = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Order ${data?.order.id.slice(0, 8) ?? ''} | Back office | Vitrine` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'orders:manage');
  const { order } = await callApi(context, orderQuery, { id: params.id }, staff.accessToken).catch(pageError);
  // The ledger is payments' (payments:write); staff without it still see the order, its dues and payments.
  const mayRefund = staff.scopes.includes('payments:write');
  const trail = mayRefund ? (await callApi(context, moneyTrailQuery, { id: params.id }, staff.accessToken).catch(pageError)).order.moneyTrail : null;
  const status = new URL(request.url).searchParams.get('done') ?? '';
  // One key per visit: a refund form sent twice (a double click, a retry) refunds once.
  return { order, trail, mayRefund, refundKey: crypto.randomUUID(), done: done[status] ?? null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'orders:manage');
  const form = await request.formData();
  const intent = field(form, 'intent');
  try {
    if (intent === 'cancel') {
      await callApi(context, cancelMutation, { id: params.id, reason: field(form, 'reason'), waiveFees: form.get('waiveFees') === 'on' }, staff.accessToken);
      return backToPage(request, 'cancelled');
    }
    if (intent === 'refund') {
      const currency = field(form, 'currency');
      const amount = toMinorUnits(field(form, 'amount'), currency);
      if (!amount) return { intent, error: `Enter the refund as an amount above zero in ${currency}, e.g. 12.50.` };
      await callApi(
        context,
        refundMutation,
        { orderId: params.id, amount: { amount, currency }, reason: field(form, 'reason'), key: field(form, 'key') },
        staff.accessToken,
      );
      return backToPage(request, 'refunded');
    }
    if (isFulfilmentIntent(intent)) {
      const refused = await fulfilmentStep(context, staff.accessToken, params.id, intent, form);
      return refused ? { intent, error: refused } : backToPage(request, intent);
    }
    return { intent, error: 'This form is out of date. Please reload the page.' };
  } catch (err) {
    if (err instanceof ApiError) return { intent, error: messageWithProblems(err) };
    throw err;
  }
}

export default function BackOfficeOrder({ loaderData, actionData }: Route.ComponentProps) {
  const { order, trail, mayRefund, refundKey } = loaderData;
  const submitting = useNavigation().state === 'submitting';
  const currency = order.total.currency;
  return (
    <>
      <p>
        <Link to="/admin/orders">All orders</Link>
      </p>
      <h1>Order {order.id.slice(0, 8)}</h1>
      <DoneMessage message={actionData ? null : loaderData.done} />
      <dl className="facts">
        <div>
          <dt>Order id</dt>
          <dd>{order.id}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd data-testid="order-status">
            {orderStatusText(order.status)}
            {/* An ended order's reason is its outcome's, shown below. */}
            {order.statusReason && !order.outcome && (
              <span className="muted"> ({/^[A-Z_]+$/.test(order.statusReason) ? words(order.statusReason) : order.statusReason})</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Placed</dt>
          <dd>
            {formatDateTime(order.placedAt)} · {words(order.kind)} · plan {words(order.paymentPlan)} · store policy version {order.policyVersion}
          </dd>
        </div>
        <div>
          <dt>Ships to</dt>
          <dd>
            {order.shippingAddress
              ? `${order.shippingAddress.name}, ${order.shippingAddress.line1}, ${order.shippingAddress.postalCode} ${order.shippingAddress.city}, ${order.shippingAddress.country}`
              : 'No address yet'}{' '}
            · {order.shippingMethod ?? 'no method'} · estimate {formatMoney(order.shippingEstimate)}
            {order.trackingNumber && <> · tracking {order.trackingNumber}</>}
          </dd>
        </div>
        {order.cancellationRequestedAt && (
          <div>
            <dt>Cancellation asked</dt>
            <dd>{formatDateTime(order.cancellationRequestedAt)} (staff decide)</dd>
          </div>
        )}
        {order.outcome && (
          <div>
            <dt>{order.outcome.kind === 'CANCELLED' ? 'Cancelled' : 'Expired'}</dt>
            <dd>
              {formatDateTime(order.outcome.at)} by {words(order.outcome.by)}: {order.outcome.reason}. Kept {formatMoney(order.outcome.kept)}, refund{' '}
              {formatMoney(order.outcome.refund)}
              {order.outcome.feesWaived ? ' (fees waived)' : ''}. <span className="muted">{order.outcome.rule.text}</span>
            </dd>
          </div>
        )}
      </dl>

      <h2>Figures</h2>
      <ul>
        {order.lines.map((l) => (
          <li key={l.product.id}>
            {l.quantity} × <Link to={`/admin/products/${l.product.id}`}>{l.product.name}</Link> ({l.product.sku}) at {formatMoney(l.unitPrice)}:{' '}
            {formatMoney(l.lineTotal)}
          </li>
        ))}
      </ul>
      <p>Goods: {formatMoney(order.total)}</p>

      <OrderMoney order={order} trail={trail} />

      <OrderFulfilment steps={order.staffSteps} submitting={submitting} refused={actionData} />

      {mayRefund && (
        <Form method="post" className="stacked admin-form" aria-label="Refund">
          <h2>Refund</h2>
          <input type="hidden" name="intent" value="refund" />
          <input type="hidden" name="key" value={refundKey} />
          <input type="hidden" name="currency" value={currency} />
          <div className="field">
            <label htmlFor="refund-amount">Amount ({currency})</label>
            <input id="refund-amount" name="amount" inputMode="decimal" required />
          </div>
          <div className="field">
            <label htmlFor="refund-reason">Why (kept with the refund and audited)</label>
            <input id="refund-reason" name="reason" maxLength={500} />
          </div>
          {actionData?.intent === 'refund' && <ApiErrorMessage message={actionData.error} />}
          <button type="submit" disabled={submitting}>
            Refund
          </button>
        </Form>
      )}
      {/* Offered where orders lists CANCEL: neither ended nor shipped. */}
      {order.staffSteps.includes('CANCEL') && (
        <Form method="post" className="stacked admin-form" aria-label="Cancel the order">
          <h2>Cancel the order</h2>
          <input type="hidden" name="intent" value="cancel" />
          <div className="field">
            <label htmlFor="cancel-reason">Reason (kept in the audit)</label>
            <input id="cancel-reason" name="reason" maxLength={500} />
          </div>
          <div className="field checkbox">
            <input type="checkbox" id="waiveFees" name="waiveFees" />
            <label htmlFor="waiveFees">Waive the fees: refund everything paid instead of what the order’s policy keeps</label>
          </div>
          {actionData?.intent === 'cancel' && <ApiErrorMessage message={actionData.error} />}
          <button type="submit" className="danger" disabled={submitting}>
            Cancel the order
          </button>
        </Form>
      )}
    </>
  );
}
