import { Form, Link, redirect } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import type { OrderStatus } from '../../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { CheckFilter } from '../../components/check-filter.js';
import { CustomerChoice, CustomerEmailField, type CustomerMatch } from '../../components/customer-choice.js';
import { Pager, pageQuery } from '../../components/pager.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { sectionMeta } from '../../lib/back-office-meta.js';
import { customerFromEmail, type CustomerFilter } from '../../lib/customer-choice.server.js';
import { everyValue } from '../../lib/every-value.js';
import { useI18n, useWords, wordsIn } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { ordersWords } from '../../lib/messages/admin/orders.js';
import { refusalFor } from '../../lib/refusal.server.js';
import { requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/orders';
import { pageSizes } from '../../lib/page-sizes.js';

const ordersQuery = graphql(`
  query BackOfficeOrders($first: Int!, $after: String, $filter: OrderFilter) {
    orders(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          kind
          placedAt
          total {
            amount
            currency
          }
          lines {
            quantity
            product {
              name
            }
          }
        }
      }
    }
  }
`);

// Every status but CONFIRMED, deprecated in the API: no order is in it.
const orderStatuses: readonly OrderStatus[] = everyValue<Exclude<OrderStatus, 'CONFIRMED'>>()([
  'PENDING',
  'REJECTED',
  'AWAITING_PAYMENT',
  'SECURED',
  'PAYMENT_DUE',
  'READY_TO_FULFIL',
  'IN_FULFILMENT',
  'SHIPPED',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
  'EXPIRED',
]);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = /^\d{4}-\d{2}-\d{2}$/;

export const meta: Route.MetaFunction = (args) => sectionMeta(args, 'orders');

/**
 * Orders by customer (found by the start of their email), status and the day they were placed, newest first;
 * an order id goes straight to that order. The API filters by customer id, so an email that matches several
 * customers lists them to choose from.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'orders:manage');
  const params = new URL(request.url).searchParams;
  const orderId = (params.get('orderId') ?? '').trim();
  if (orderId && uuid.test(orderId)) throw redirect(`/admin/orders/${orderId}`);
  const email = (params.get('email') ?? '').trim();
  const statuses = params.getAll('status').filter((s): s is OrderStatus => orderStatuses.includes(s as OrderStatus));
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const form = { orderId, email, statuses, from, to };
  const locale = await requestLocale(request, context);
  if (orderId) return { form, error: wordsIn(ordersWords, locale).notAnOrderId, customers: [], orders: null };
  if ((from && !day.test(from)) || (to && !day.test(to))) return { form, error: wordsIn(ordersWords, locale).daysAsDates, customers: [], orders: null };

  let who: CustomerFilter;
  try {
    who = await customerFromEmail(context, staff.accessToken, params, locale);
  } catch (err) {
    if (err instanceof ApiError) return { form, error: await refusalFor(request, context, err), customers: [] as CustomerMatch[], orders: null };
    throw err;
  }
  if (who.kind === 'choose') return { form, error: who.error, customers: who.customers, orders: null };
  const { customerId, customers } = who;
  // "To" is inclusive: orders placed before the next day starts (UTC, as the store's dates are shown).
  const placedBefore = to ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString() : undefined;
  const filter = {
    ...(customerId ? { customerId } : {}),
    ...(statuses.length > 0 ? { statuses } : {}),
    ...(from ? { placedFrom: `${from}T00:00:00.000Z` } : {}),
    ...(placedBefore ? { placedBefore } : {}),
  };
  const { orders } = await callApi(context, ordersQuery, { first: pageSizes.BackOfficeOrders, after: params.get('after'), filter }, staff.accessToken).catch(
    pageError,
  );
  const nextQuery = orders.pageInfo.hasNextPage ? pageQuery(params, 'after', orders.pageInfo.endCursor ?? null) : null;
  return { form, error: null, customers, orders: { ...orders, nextQuery } };
}

export default function BackOfficeOrders({ loaderData }: Route.ComponentProps) {
  const { form, error, customers, orders } = loaderData;
  const { t, money, dateTime } = useI18n();
  const w = useWords(ordersWords);
  const frame = useWords(backOfficeWords);
  const statusText = (status: string) => t.orderStatus[status] ?? status;
  const statusWords = Object.fromEntries(orderStatuses.map((s) => [s, statusText(s)])) as Record<OrderStatus, string>;
  return (
    <>
      <h1>{frame.sections.orders.title}</h1>
      <Form method="get" className="filters" role="search" aria-label={w.find}>
        <div className="field">
          <label htmlFor="orderId">{w.orderId}</label>
          <input id="orderId" name="orderId" defaultValue={form.orderId} spellCheck={false} />
        </div>
        <CustomerEmailField defaultValue={form.email} />
        <div className="field">
          <label htmlFor="from">{w.placedFrom}</label>
          <input id="from" name="from" type="date" defaultValue={form.from} />
        </div>
        <div className="field">
          <label htmlFor="to">{w.placedUntil}</label>
          <input id="to" name="to" type="date" defaultValue={form.to} />
        </div>
        <CheckFilter legend={w.statusLegend} name="status" values={orderStatuses} words={statusWords} checked={form.statuses} />
        <button type="submit">{w.find}</button>
      </Form>
      <ApiErrorMessage message={error} />
      <CustomerChoice customers={customers} email={form.email} whose={w.whose} />
      {orders && (
        <section aria-labelledby="found">
          <h2 id="found">{w.count(orders.totalCount)}</h2>
          <table className="data-table">
            <caption className="visually-hidden">{w.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{w.order}</th>
                <th scope="col">{w.placed}</th>
                <th scope="col">{w.status}</th>
                <th scope="col">{w.figures}</th>
                <th scope="col">{w.goods}</th>
              </tr>
            </thead>
            <tbody>
              {orders.edges.map(({ node: o }) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/admin/orders/${o.id}`} aria-label={w.orderLink(o.id)}>
                      {o.id.slice(0, 8)}
                    </Link>
                  </td>
                  <td>{dateTime(o.placedAt)}</td>
                  <td>{statusText(o.status)}</td>
                  <td>{o.lines.map((l) => `${l.quantity} × ${l.product.name}`).join(', ')}</td>
                  <td>{money(o.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager next={orders.nextQuery} nextLabel={w.older} />
        </section>
      )}
    </>
  );
}
