import { Form, Link, useNavigation } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { SandboxCardChoice } from '../components/sandbox-card-choice.js';
import { callApi, pageError } from '../lib/api.server.js';
import { formatDateTime, formatMoney, orderStatusText, purposeText } from '../lib/format.js';
import { submitPayment } from '../lib/payment.server.js';
import { requireSession } from '../lib/session.server.js';
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
  return submitPayment(context, session.accessToken, await request.formData(), [params.id], `/orders?paid=${params.id}`);
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
              <SandboxCardChoice />
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
