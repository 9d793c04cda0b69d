import { Form, Link, redirect, useNavigation } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { SandboxCardChoice } from '../components/sandbox-card-choice.js';
import { callApi, pageError } from '../lib/api.server.js';
import { formatDateTime, formatMoney, purposeText } from '../lib/format.js';
import { submitPayment } from '../lib/payment.server.js';
import { requireSession } from '../lib/session.server.js';
import type { Route } from './+types/pay-together';

// Several balances in one payment: the customer ticks orders on "My orders", reads what each owes and the
// total, and pays once. The amount comes from the orders (payments splits it over them), never from this page.

const dueQuery = graphql(`
  query StorefrontOrdersDue($first: Int!) {
    myOrders(first: $first) {
      edges {
        node {
          id
          status
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
            dueAt
            rule
          }
        }
      }
    }
  }
`);

export const meta: Route.MetaFunction = () => [{ title: 'Pay several orders | Vitrine' }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await requireSession(request, context);
  const ids = new Set(new URL(request.url).searchParams.getAll('order'));
  if (ids.size === 1) throw redirect(`/orders/${[...ids][0]}/pay`);
  const { myOrders } = await callApi(context, dueQuery, { first: 50 }, session.accessToken).catch(pageError);
  const orders = myOrders.edges.map((e) => e.node).filter((o) => ids.has(o.id) && o.nextPayment);
  const currencies = new Set(orders.map((o) => o.nextPayment!.amount.currency));
  const total = currencies.size === 1 ? { amount: orders.reduce((n, o) => n + o.nextPayment!.amount.amount, 0), currency: [...currencies][0]! } : null;
  return { orders, total, idempotencyKey: crypto.randomUUID() };
}

export async function action({ request, context }: Route.ActionArgs) {
  const session = await requireSession(request, context);
  const form = await request.formData();
  const orderIds = form.getAll('orderId').filter((id): id is string => typeof id === 'string');
  return submitPayment(context, session.accessToken, form, orderIds, `/orders?paid=${orderIds.length}`);
}

export default function PayTogether({ loaderData, actionData }: Route.ComponentProps) {
  const { orders, total, idempotencyKey } = loaderData;
  const submitting = useNavigation().state === 'submitting';
  if (orders.length < 2) {
    return (
      <>
        <h1>Pay several orders at once</h1>
        <p>
          Tick at least two orders with a payment due. <Link to="/orders">Back to my orders</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Pay {orders.length} orders at once</h1>
      <Form method="post" className="stacked">
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <table className="data-table">
          <caption>What each order owes now</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Payment</th>
              <th scope="col">Due by</th>
              <th scope="col">Amount</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id}>
                <td>
                  {o.lines.map((l) => l.product.name).join(', ')}
                  <input type="hidden" name="orderId" value={o.id} />
                </td>
                <td>{purposeText(o.nextPayment!.purpose)}</td>
                <td>{o.nextPayment!.dueAt ? formatDateTime(o.nextPayment!.dueAt) : 'Now'}</td>
                <td>{formatMoney(o.nextPayment!.amount)}</td>
              </tr>
            ))}
          </tbody>
          {total && (
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  Total, in one payment
                </th>
                <td>{formatMoney(total)}</td>
              </tr>
            </tfoot>
          )}
        </table>
        {actionData?.processing && <p role="status">Your bank is processing the payment; your orders page shows the outcome shortly.</p>}
        {actionData?.confirm ? (
          <>
            <input type="hidden" name="intentId" value={actionData.confirm} />
            <p>Your bank asks you to confirm this payment.</p>
            <button type="submit" disabled={submitting}>
              Confirm the payment
            </button>
          </>
        ) : (
          <>
            <SandboxCardChoice />
            <ApiErrorMessage message={actionData?.error} />
            <button type="submit" disabled={submitting}>
              Pay {total ? formatMoney(total) : 'these orders'}
            </button>
          </>
        )}
      </Form>
    </>
  );
}
