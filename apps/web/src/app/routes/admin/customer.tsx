import { data, Form, Link, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import type { CustomerFlagKind } from '../../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { ApiError, callApi, messageWithProblems, pageError } from '../../lib/api.server.js';
import { everyValue } from '../../lib/every-value.js';
import { formatDateTime, formatDay, formatMoney, orderStatusText } from '../../lib/format.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/customer';

const customerQuery = graphql(`
  query BackOfficeCustomer($id: ID!) {
    customer(id: $id) {
      id
      displayName
      email
      emailVerified
      country
      roles
      createdAt
      flags {
        flag
        reason
        flaggedBy
        flaggedAt
      }
    }
  }
`);
const customerOrdersQuery = graphql(`
  query BackOfficeCustomerOrders($id: ID!) {
    customer(id: $id) {
      orders(first: 10) {
        id
        status
        placedAt
        total {
          amount
          currency
        }
      }
    }
  }
`);
const flagMutation = graphql(`
  mutation BackOfficeFlagCustomer($id: ID!, $flag: CustomerFlagKind!, $reason: String!) {
    flagCustomer(customerId: $id, flag: $flag, reason: $reason) {
      id
    }
  }
`);
const unflagMutation = graphql(`
  mutation BackOfficeUnflagCustomer($id: ID!, $flag: CustomerFlagKind!, $reason: String!) {
    unflagCustomer(customerId: $id, flag: $flag, reason: $reason) {
      id
    }
  }
`);

const flagKinds = everyValue<CustomerFlagKind>()(['PREORDER_ABUSE', 'REFUSED_DELIVERY', 'BLOCKED']);
/** Each flag as accounts describes it (the schema's words), for staff choosing one. */
const flagWords: Record<CustomerFlagKind, string> = {
  PREORDER_ABUSE: 'Preorder abuse (kept by orders; ordering still works)',
  REFUSED_DELIVERY: 'Refused deliveries or cancelled unilaterally',
  BLOCKED: 'Blocked: new orders are refused',
};
const done: Record<string, string> = { flagged: 'The flag was set.', unflagged: 'The flag was lifted.' };

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.customer.displayName ?? 'Customer'} | Back office | Vitrine` }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'customers:flag');
  const { customer } = await callApi(context, customerQuery, { id: params.id }, staff.accessToken).catch(pageError);
  if (!customer) throw data({ message: 'There is no customer with this id.' }, { status: 404 });
  // A customer's orders are orders' (orders:manage): staff without it see the customer and their flags only.
  const mayOrders = staff.scopes.includes('orders:manage');
  const orders = mayOrders
    ? ((await callApi(context, customerOrdersQuery, { id: params.id }, staff.accessToken).catch(pageError)).customer?.orders ?? [])
    : null;
  return { customer, orders, done: done[new URL(request.url).searchParams.get('done') ?? ''] ?? null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'customers:flag');
  const form = await request.formData();
  const intent = field(form, 'intent');
  const flag = field(form, 'flag') as CustomerFlagKind;
  if (!flagKinds.includes(flag)) return { intent, flag, error: 'Choose one of the flags.' };
  // The reason is checked by accounts (required, at most 500 characters): its refusal is shown as it words it.
  const variables = { id: params.id, flag, reason: field(form, 'reason') };
  try {
    if (intent === 'flag') {
      await callApi(context, flagMutation, variables, staff.accessToken);
      return backToPage(request, 'flagged');
    }
    if (intent === 'unflag') {
      await callApi(context, unflagMutation, variables, staff.accessToken);
      return backToPage(request, 'unflagged');
    }
    return { intent, flag, error: 'This form is out of date. Please reload the page.' };
  } catch (err) {
    if (err instanceof ApiError) return { intent, flag, error: messageWithProblems(err) };
    throw err;
  }
}

export default function BackOfficeCustomer({ loaderData, actionData }: Route.ComponentProps) {
  const { customer, orders } = loaderData;
  const submitting = useNavigation().state === 'submitting';
  const unset = flagKinds.filter((k) => !customer.flags.some((f) => f.flag === k));
  return (
    <>
      <p>
        <Link to="/admin/customers">Customers</Link>
      </p>
      <h1>{customer.displayName}</h1>
      <DoneMessage message={actionData ? null : loaderData.done} />
      <dl className="facts">
        <div>
          <dt>Email</dt>
          <dd>
            {customer.email} ({customer.emailVerified ? 'verified' : 'not verified yet'})
          </dd>
        </div>
        <div>
          <dt>Region</dt>
          <dd data-testid="customer-region">{customer.country}</dd>
        </div>
        <div>
          <dt>Account</dt>
          <dd>
            Joined {formatDay(customer.createdAt)} · {customer.roles.join(', ')} · id {customer.id}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="flags">
        <h2 id="flags">Flags</h2>
        {customer.flags.length === 0 ? (
          <p data-testid="flags">No flag is set.</p>
        ) : (
          <ul data-testid="flags" className="orders">
            {customer.flags.map((f) => (
              <li key={f.flag} className="order-card">
                <article aria-labelledby={`flag-${f.flag}`}>
                  <h3 id={`flag-${f.flag}`}>{flagWords[f.flag]}</h3>
                  <p>
                    “{f.reason}”, set {formatDateTime(f.flaggedAt)} by staff member {f.flaggedBy}
                  </p>
                  <Form method="post" className="inline-form" aria-label={`Lift the flag ${f.flag}`}>
                    <input type="hidden" name="intent" value="unflag" />
                    <input type="hidden" name="flag" value={f.flag} />
                    <div className="field">
                      <label htmlFor={`lift-${f.flag}`}>Why lift it (audited)</label>
                      <input id={`lift-${f.flag}`} name="reason" maxLength={500} />
                    </div>
                    {actionData?.intent === 'unflag' && actionData.flag === f.flag && <ApiErrorMessage message={actionData.error} />}
                    <button type="submit" disabled={submitting}>
                      Lift the flag
                    </button>
                  </Form>
                </article>
              </li>
            ))}
          </ul>
        )}
        {unset.length > 0 && (
          <Form method="post" className="stacked admin-form" aria-label="Set a flag">
            <h3>Set a flag</h3>
            <input type="hidden" name="intent" value="flag" />
            <div className="field">
              <label htmlFor="flag">Flag</label>
              <select id="flag" name="flag" defaultValue={unset[0]}>
                {unset.map((k) => (
                  <option key={k} value={k}>
                    {flagWords[k]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="flag-reason">Why (for other staff and the audit; the customer never sees it)</label>
              <input id="flag-reason" name="reason" maxLength={500} />
            </div>
            {actionData?.intent === 'flag' && <ApiErrorMessage message={actionData.error} />}
            <button type="submit" disabled={submitting}>
              Set the flag
            </button>
          </Form>
        )}
      </section>

      {orders && (
        <section aria-labelledby="orders">
          <h2 id="orders">Orders</h2>
          {orders.length === 0 ? (
            <p>No order yet.</p>
          ) : (
            <ul>
              {orders.map((o) => (
                <li key={o.id}>
                  <Link to={`/admin/orders/${o.id}`} aria-label={`Order ${o.id}`}>
                    {o.id.slice(0, 8)}
                  </Link>{' '}
                  · {formatDateTime(o.placedAt)} · {orderStatusText(o.status)} · {formatMoney(o.total)}
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to={`/admin/orders?customer=${customer.id}`}>Every order of this customer</Link>
          </p>
        </section>
      )}
    </>
  );
}
