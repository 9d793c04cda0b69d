import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ApiError, callApi } from '../lib/api.server.js';
import { formatDateTime, formatDay, formatMoney, orderStatusText, purposeText } from '../lib/format.js';
import { requireSession } from '../lib/session.server.js';
import type { Route } from './+types/orders';

const myOrdersQuery = graphql(`
  query StorefrontMyOrders($first: Int!) {
    myOrders(first: $first) {
      edges {
        node {
          id
          status
          statusReason
          kind
          paymentPlan
          placedAt
          total {
            amount
            currency
          }
          shippingEstimate {
            amount
            currency
          }
          amountPaid {
            amount
            currency
          }
          lines {
            quantity
            product {
              id
              name
              releaseEstimate
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
            status
            lastFailure
          }
        }
      }
    }
  }
`);

/** Statuses in which the customer pays what is due themselves (a charge-at-ship order is charged by the store). */
const payable = new Set(['AWAITING_PAYMENT', 'PAYMENT_DUE']);
/** Statuses an order may still be cancelled in (the quote says on what terms, or that it cannot be now). */
const cancellable = new Set(['AWAITING_PAYMENT', 'SECURED', 'PAYMENT_DUE', 'READY_TO_FULFIL', 'CONFIRMED']);

export const meta: Route.MetaFunction = () => [{ title: 'My orders | Vitrine' }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await requireSession(request, context);
  try {
    const { myOrders } = await callApi(context, myOrdersQuery, { first: 20 }, session.accessToken);
    return { orders: myOrders.edges.map((e) => e.node), error: null };
  } catch (err) {
    if (err instanceof ApiError) return { orders: [], error: err.message };
    throw err;
  }
}

export default function MyOrders({ loaderData }: Route.ComponentProps) {
  const { orders, error } = loaderData;
  const [params] = useSearchParams();
  const payableOrders = orders.filter((o) => o.nextPayment && payable.has(o.status));
  return (
    <>
      <h1>My orders</h1>
      {params.get('paid') && (
        <p className="success" role="status">
          Thank you: your payment went through.
        </p>
      )}
      {params.get('cancelled') && (
        <p className="success" role="status">
          Your order is cancelled; any refund is on its way to your card.
        </p>
      )}
      {params.get('cancel-requested') && (
        <p className="success" role="status">
          We have your cancellation request; our staff will answer it.
        </p>
      )}
      <ApiErrorMessage message={error} />
      {payableOrders.length >= 2 && (
        <form id="pay-together" method="get" action="/orders/pay-together" className="notice">
          <p>{payableOrders.length} orders have a payment due: tick the ones to pay together, then pay them in one payment.</p>
          <button type="submit">Pay the ticked orders together</button>
        </form>
      )}
      {orders.length === 0 && !error && (
        <p>
          No orders yet. <Link to="/">See the figures</Link>
        </p>
      )}
      <ul className="orders">
        {orders.map((o) => (
          <li key={o.id} className="order-card">
            <article aria-labelledby={`order-${o.id}`}>
              <h2 id={`order-${o.id}`}>{o.lines.map((l) => `${l.product.name}${l.quantity > 1 ? ` × ${l.quantity}` : ''}`).join(', ')}</h2>
              <p>
                <strong>{orderStatusText(o.status)}</strong>
                {o.statusReason && <> ({o.statusReason})</>} · {o.kind === 'PREORDER' ? 'Preorder' : 'In stock'} · placed {formatDay(o.placedAt)}
              </p>
              <p>
                Goods {formatMoney(o.total)}, shipping estimate {formatMoney(o.shippingEstimate)}
                {o.amountPaid && <>, paid so far {formatMoney(o.amountPaid)}</>}
              </p>
              {o.nextPayment ? (
                <div className="due">
                  <p>
                    Next payment:{' '}
                    <strong>
                      {purposeText(o.nextPayment.purpose)} of {formatMoney(o.nextPayment.amount)}
                    </strong>
                    {o.nextPayment.dueAt ? <>, due by {formatDateTime(o.nextPayment.dueAt)}</> : ', due now'}
                    {o.nextPayment.rule && <span className="muted"> ({o.nextPayment.rule})</span>}
                  </p>
                  {o.nextPayment.lastFailure && <p className="error">The last attempt failed: {o.nextPayment.lastFailure}</p>}
                  {payableOrders.length >= 2 && payable.has(o.status) && (
                    <div className="field checkbox">
                      <input type="checkbox" id={`together-${o.id}`} name="order" value={o.id} form="pay-together" />
                      <label htmlFor={`together-${o.id}`}>Pay together: {o.lines[0]?.product.name}</label>
                    </div>
                  )}
                  {payable.has(o.status) && (
                    <p>
                      <Link to={`/orders/${o.id}/pay`} className="button" aria-label={`Pay now for ${o.lines[0]?.product.name ?? 'this order'}`}>
                        Pay now
                      </Link>
                    </p>
                  )}
                </div>
              ) : (
                o.status === 'SECURED' && <p>Nothing is due until it is released.</p>
              )}
              {cancellable.has(o.status) && (
                <p>
                  <Link to={`/orders/${o.id}/cancel`} aria-label={`Cancel this order… ${o.lines[0]?.product.name ?? ''}`}>
                    Cancel this order…
                  </Link>
                </p>
              )}
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
