import { Form, Link, redirect, useNavigation } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ApiError, callApi, pageError } from '../lib/api.server.js';
import { formatDateTime, formatMoney, orderStatusText, purposeText } from '../lib/format.js';
import { sandboxCards } from '../lib/sandbox-cards.js';
import { requireSession } from '../lib/session.server.js';
import { field } from '../lib/sign-in.server.js';
import type { Route } from './+types/pay';

const orderToPayQuery = graphql(`
  query StorefrontOrderToPay($id: ID!) {
    order(id: $id) {
      id
      status
      statusReason
      lines {
        quantity
        product {
          name
        }
      }
      nextPayment {
        purpose
        amount {
          amount
          currency
        }
        goods {
          amount
          currency
        }
        shipping {
          amount
          currency
        }
        dueAt
        rule
      }
    }
  }
`);
const payMutation = graphql(`
  mutation StorefrontPay($input: PayInput!, $key: String!) {
    pay(input: $input, idempotencyKey: $key) {
      id
      status
      failure {
        message
      }
    }
  }
`);
const confirmMutation = graphql(`
  mutation StorefrontConfirmPayment($intentId: ID!, $key: String!) {
    confirmPayment(intentId: $intentId, idempotencyKey: $key) {
      id
      status
      failure {
        message
      }
    }
  }
`);

export const meta: Route.MetaFunction = ({ data }) => [
  { title: 'Pay | Vitrine' },
  // While the order is being placed there is nothing to pay yet: look again shortly.
  ...(data && !data.order.nextPayment && data.order.status === 'PENDING' ? [{ httpEquiv: 'refresh', content: '2' }] : []),
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const session = await requireSession(request, context);
  const { order } = await callApi(context, orderToPayQuery, { id: params.id }, session.accessToken).catch(pageError);
  return { order, idempotencyKey: crypto.randomUUID() };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const session = await requireSession(request, context);
  const form = await request.formData();
  const key = field(form, 'idempotencyKey');
  try {
    const intentId = field(form, 'intentId');
    const intent = intentId
      ? (await callApi(context, confirmMutation, { intentId, key }, session.accessToken)).confirmPayment
      : (await callApi(context, payMutation, { input: { orderIds: [params.id], paymentMethod: { token: field(form, 'card') } }, key }, session.accessToken))
          .pay;
    if (intent.status === 'SUCCEEDED' || intent.status === 'REQUIRES_CAPTURE') return redirect(`/orders?paid=${params.id}`);
    if (intent.status === 'REQUIRES_ACTION') return { error: null, confirm: intent.id, processing: false };
    if (intent.status === 'PROCESSING') return { error: null, confirm: null, processing: true };
    return { error: intent.failure?.message ?? 'The payment did not go through.', confirm: null, processing: false };
  } catch (err) {
    if (err instanceof ApiError) return { error: err.message, confirm: null, processing: false };
    throw err;
  }
}

export default function Pay({ loaderData, actionData }: Route.ComponentProps) {
  const { order, idempotencyKey } = loaderData;
  const due = order.nextPayment;
  const submitting = useNavigation().state === 'submitting';
  const name = order.lines.map((l) => l.product.name).join(', ');
  return (
    <>
      <h1>Pay for {name}</h1>
      <p>Order status: {orderStatusText(order.status)}</p>
      {!due && order.status === 'PENDING' && <p role="status">Your order is being placed; what is due appears here in a moment.</p>}
      {!due && order.status !== 'PENDING' && (
        <p>
          Nothing is due on this order now. <Link to="/orders">Back to my orders</Link>
        </p>
      )}
      {due && (
        <>
          <section aria-labelledby="due-heading">
            <h2 id="due-heading">
              {purposeText(due.purpose)}: {formatMoney(due.amount)}
            </h2>
            <p>
              Goods {formatMoney(due.goods)}, shipping {formatMoney(due.shipping)}. {due.dueAt ? `Due by ${formatDateTime(due.dueAt)}.` : 'Due now.'}
              {due.rule && <span className="muted"> ({due.rule})</span>}
            </p>
          </section>
          {actionData?.processing && <p role="status">Your bank is processing the payment; your orders page shows the outcome shortly.</p>}
          {actionData?.confirm ? (
            <Form method="post">
              <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
              <input type="hidden" name="intentId" value={actionData.confirm} />
              <p>Your bank asks you to confirm this payment.</p>
              <button type="submit" disabled={submitting}>
                Confirm the payment
              </button>
            </Form>
          ) : (
            <Form method="post" className="stacked">
              <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
              <fieldset>
                <legend>Card (sandbox: no real money moves)</legend>
                {sandboxCards.map(([token, label], i) => (
                  <div className="choice" key={token}>
                    <input type="radio" id={`card-${token}`} name="card" value={token} defaultChecked={i === 0} />
                    <label htmlFor={`card-${token}`}>{label}</label>
                  </div>
                ))}
              </fieldset>
              <ApiErrorMessage message={actionData?.error} />
              <button type="submit" disabled={submitting}>
                Pay {formatMoney(due.amount)}
              </button>
            </Form>
          )}
        </>
      )}
    </>
  );
}
