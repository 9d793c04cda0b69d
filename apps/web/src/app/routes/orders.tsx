import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../__generated__/app/index.js';
import type { CustomerOrderAction } from '../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../components/api-error.js';
import { ApiError, callApi } from '../lib/api.server.js';
import { metaMessages, useI18n } from '../lib/i18n.js';
import { requestLocale, ruleLanguage } from '../lib/locale.server.js';
import { requireSession } from '../lib/session.server.js';
import { refusalFor } from '../lib/refusal.server.js';
import type { Route } from './+types/orders';
import { pageSizes } from '../lib/page-sizes.js';

const myOrdersQuery = graphql(`
  query StorefrontMyOrders($first: Int!, $language: RuleLanguage!) {
    myOrders(first: $first) {
      edges {
        node {
          id
          status
          statusReason
          kind
          paymentPlan
          customerActions
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
            rule(language: $language)
            status
            lastFailure
          }
        }
      }
    }
  }
`);

// What the customer may do to each order comes from orders (`customerActions`, the rules its mutations and payments'
// enforce), never from its status here: a charge-at-ship order is charged by the store, a quote may refuse.
type Actions = { customerActions: readonly CustomerOrderAction[] };
const mayPay = (o: Actions) => o.customerActions.includes('PAY');
/** Cancel on the quoted terms, or ask staff where the policy leaves it to them: the quote page says which. */
const mayCancel = (o: Actions) => o.customerActions.includes('CANCEL') || o.customerActions.includes('REQUEST_CANCELLATION');

export const meta: Route.MetaFunction = ({ matches }) => [{ title: `${metaMessages(matches).orders.title} | Vitrine` }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await requireSession(request, context);
  try {
    const language = ruleLanguage(await requestLocale(request, context));
    const { myOrders } = await callApi(context, myOrdersQuery, { first: pageSizes.StorefrontMyOrders, language }, session.accessToken);
    return { orders: myOrders.edges.map((e) => e.node), error: null };
  } catch (err) {
    if (err instanceof ApiError) return { orders: [], error: await refusalFor(request, context, err) };
    throw err;
  }
}

export default function MyOrders({ loaderData }: Route.ComponentProps) {
  const { orders, error } = loaderData;
  const [params] = useSearchParams();
  const { t, money, day, dateTime } = useI18n();
  const payableOrders = orders.filter((o) => o.nextPayment && mayPay(o));
  return (
    <>
      <h1>{t.orders.title}</h1>
      {params.get('paid') && (
        <p className="success" role="status">
          {t.orders.paid}
        </p>
      )}
      {params.get('cancelled') && (
        <p className="success" role="status">
          {t.orders.cancelled}
        </p>
      )}
      {params.get('cancel-requested') && (
        <p className="success" role="status">
          {t.orders.cancelRequested}
        </p>
      )}
      <ApiErrorMessage message={error} />
      {payableOrders.length >= 2 && (
        <form id="pay-together" method="get" action="/orders/pay-together" className="notice">
          <p>{t.orders.payTogetherIntro(payableOrders.length)}</p>
          <button type="submit">{t.orders.payTogether}</button>
        </form>
      )}
      {orders.length === 0 && !error && (
        <p>
          {t.orders.none} <Link to="/">{t.orders.seeFigures}</Link>
        </p>
      )}
      <ul className="orders">
        {orders.map((o) => (
          <li key={o.id} className="order-card">
            <article aria-labelledby={`order-${o.id}`}>
              <h2 id={`order-${o.id}`}>{o.lines.map((l) => `${l.product.name}${l.quantity > 1 ? ` × ${l.quantity}` : ''}`).join(', ')}</h2>
              <p>
                <strong>{t.orderStatus[o.status] ?? o.status}</strong>
                {o.statusReason && <> ({o.statusReason})</>} · {o.kind === 'PREORDER' ? t.orders.preorder : t.orders.inStock} ·{' '}
                {t.orders.placed(day(o.placedAt))}
              </p>
              <p>
                {t.orders.amounts(money(o.total), money(o.shippingEstimate))}
                {o.amountPaid && t.orders.paidSoFar(money(o.amountPaid))}
              </p>
              {o.nextPayment ? (
                <div className="due">
                  <p>
                    {t.orders.nextPayment}{' '}
                    <strong>{t.orders.paymentOf(t.purpose[o.nextPayment.purpose] ?? o.nextPayment.purpose, money(o.nextPayment.amount))}</strong>
                    {o.nextPayment.dueAt ? t.orders.dueBy(dateTime(o.nextPayment.dueAt)) : t.orders.dueNow}
                    {o.nextPayment.rule && <span className="muted"> ({o.nextPayment.rule})</span>}
                  </p>
                  {o.nextPayment.lastFailure && <p className="error">{t.orders.lastFailure(o.nextPayment.lastFailure)}</p>}
                  {payableOrders.length >= 2 && mayPay(o) && (
                    <div className="field checkbox">
                      <input type="checkbox" id={`together-${o.id}`} name="order" value={o.id} form="pay-together" />
                      <label htmlFor={`together-${o.id}`}>{t.orders.payTogetherTick(o.lines[0]?.product.name ?? '')}</label>
                    </div>
                  )}
                  {mayPay(o) && (
                    <p>
                      <Link to={`/orders/${o.id}/pay`} className="button" aria-label={t.orders.payNowFor(o.lines[0]?.product.name ?? '')}>
                        {t.orders.payNow}
                      </Link>
                    </p>
                  )}
                </div>
              ) : (
                o.status === 'SECURED' && <p>{t.orders.nothingDue}</p>
              )}
              {mayCancel(o) && (
                <p>
                  <Link to={`/orders/${o.id}/cancel`} aria-label={`${t.orders.cancel} ${o.lines[0]?.product.name ?? ''}`}>
                    {t.orders.cancel}
                  </Link>
                </p>
              )}
              <p>
                <Link to={`/orders/${o.id}`} aria-label={t.orders.detailsFor(o.lines[0]?.product.name ?? '')}>
                  {t.orders.details}
                </Link>
              </p>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
