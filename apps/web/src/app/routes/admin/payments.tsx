import { Form, Link } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import type { PaymentIntentStatus, PaymentPurpose } from '../../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { CustomerChoice, CustomerEmailField, type CustomerMatch } from '../../components/customer-choice.js';
import { Pager, pageQuery } from '../../components/pager.js';
import { SelectFilter } from '../../components/select-filter.js';
import { ApiError, callApi } from '../../lib/api.server.js';
import { sectionMeta } from '../../lib/back-office-meta.js';
import { customerFromEmail } from '../../lib/customer-choice.server.js';
import { everyValue } from '../../lib/every-value.js';
import { useI18n, useWords } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { paymentsWords } from '../../lib/messages/admin/payments.js';
import { paymentStatusText } from '../../lib/payment-words.js';
import { refusalFor } from '../../lib/refusal.server.js';
import { requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/payments';
import { pageSizes } from '../../lib/page-sizes.js';

const paymentsQuery = graphql(`
  query BackOfficePaymentIntents($first: Int!, $after: String, $filter: PaymentIntentFilter) {
    paymentIntents(first: $first, after: $after, filter: $filter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          purpose
          amount {
            amount
            currency
          }
          allocations {
            orderId
            amount {
              amount
              currency
            }
          }
          failure {
            message
          }
          paymentMethod
          createdAt
          updatedAt
        }
      }
    }
  }
`);

const statuses = everyValue<PaymentIntentStatus>()([
  'REQUIRES_PAYMENT_METHOD',
  'REQUIRES_ACTION',
  'PROCESSING',
  'REQUIRES_CAPTURE',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
]);
const purposes = everyValue<PaymentPurpose>()(['DEPOSIT', 'FULL_PAYMENT', 'DOWN_PAYMENT', 'BALANCE', 'ARRIVAL_PAYMENT', 'CHARGE_AT_SHIP', 'EXTRA_SHIPPING']);
const pageSize = pageSizes.BackOfficePaymentIntents;

export const meta: Route.MetaFunction = (args) => sectionMeta(args, 'payments');

/**
 * Payments newest first, filtered as payments' `paymentIntents` takes them (status, purpose, customer, order).
 * The API filters by customer id: an email is looked up through `customers` first (so it needs customers:read).
 * An order id is sent as typed: payments says when it is not one.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'payments:write');
  const params = new URL(request.url).searchParams;
  const status = statuses.find((s) => s === params.get('status')) ?? null;
  const purpose = purposes.find((p) => p === params.get('purpose')) ?? null;
  const orderId = (params.get('orderId') ?? '').trim();
  const email = (params.get('email') ?? '').trim();
  const form = { status, purpose, orderId, email };
  let customers: CustomerMatch[] = [];
  try {
    const who = await customerFromEmail(context, staff.accessToken, params, await requestLocale(request, context));
    customers = who.customers;
    if (who.kind === 'choose') return { form, error: who.error, customers, payments: null };
    const { customerId } = who;
    const filter = { ...(status ? { status } : {}), ...(purpose ? { purpose } : {}), ...(orderId ? { orderId } : {}), ...(customerId ? { customerId } : {}) };
    const { paymentIntents } = await callApi(context, paymentsQuery, { first: pageSize, after: params.get('after'), filter }, staff.accessToken);
    return {
      form,
      error: null,
      customers,
      payments: {
        list: paymentIntents.edges.map((e) => e.node),
        nextQuery: paymentIntents.pageInfo.hasNextPage ? pageQuery(params, 'after', paymentIntents.pageInfo.endCursor ?? null) : null,
        firstQuery: params.has('after') ? pageQuery(params, 'after', null) : null,
      },
    };
  } catch (err) {
    // A filter the API refuses (an order id that is not one, an email too short to search) is said, not a broken page.
    if (err instanceof ApiError) return { form, error: await refusalFor(request, context, err), customers, payments: null };
    throw err;
  }
}

export default function BackOfficePayments({ loaderData }: Route.ComponentProps) {
  const { form, error, customers, payments } = loaderData;
  const { locale, t, money, dateTime } = useI18n();
  const w = useWords(paymentsWords);
  const frame = useWords(backOfficeWords);
  const statusText = (status: string) => paymentStatusText(status, locale);
  const purposeText = (purpose: string) => t.purpose[purpose] ?? purpose;
  return (
    <>
      <h1>{frame.sections.payments.title}</h1>
      <p>
        {w.intro.before}
        <Link to="/admin/ledger">{w.intro.link}</Link>
        {w.intro.after}
      </p>
      <Form method="get" className="filters" role="search" aria-label={w.find}>
        <SelectFilter label={w.state} name="status" any={w.anyState} values={statuses} text={statusText} selected={form.status} />
        <SelectFilter label={w.purpose} name="purpose" any={w.anyPurpose} values={purposes} text={purposeText} selected={form.purpose} />
        <div className="field">
          <label htmlFor="orderId">{w.orderId}</label>
          <input id="orderId" name="orderId" defaultValue={form.orderId} spellCheck={false} />
        </div>
        <CustomerEmailField defaultValue={form.email} />
        <button type="submit">{w.find}</button>
      </Form>
      <ApiErrorMessage message={error} />
      <CustomerChoice customers={customers} email={form.email} whose={w.whose} />
      {payments && (
        <section aria-labelledby="found">
          <h2 id="found">{payments.list.length === 0 ? w.noneMatch : w.found}</h2>
          {payments.list.length > 0 && (
            <table className="data-table" data-testid="payments">
              <caption className="visually-hidden">{w.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{w.started}</th>
                  <th scope="col">{w.state}</th>
                  <th scope="col">{w.purpose}</th>
                  <th scope="col">{w.amount}</th>
                  <th scope="col">{w.orders}</th>
                  <th scope="col">{w.card}</th>
                </tr>
              </thead>
              <tbody>
                {payments.list.map((p) => (
                  <tr key={p.id} data-payment={p.id}>
                    <td>{dateTime(p.createdAt)}</td>
                    <td>
                      {statusText(p.status)}
                      {p.failure && <span className="muted">{w.failure(p.failure.message)}</span>}
                      {p.updatedAt !== p.createdAt && <span className="muted">{w.since(dateTime(p.updatedAt))}</span>}
                    </td>
                    <td>{purposeText(p.purpose)}</td>
                    <td>{money(p.amount)}</td>
                    <td>
                      <ul className="plain-list">
                        {p.allocations.map((a, i) => (
                          <li key={i}>
                            <Link to={`/admin/orders/${a.orderId}`} aria-label={w.orderLabel(a.orderId)}>
                              {a.orderId.slice(0, 8)}
                            </Link>{' '}
                            {money(a.amount)}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>{p.paymentMethod ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager first={payments.firstQuery} firstLabel={w.newestPage} next={payments.nextQuery} nextLabel={w.olderPage} />
        </section>
      )}
    </>
  );
}
