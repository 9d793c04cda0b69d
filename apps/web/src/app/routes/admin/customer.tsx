import { data, Form, Link, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import type { CustomerFlagKind } from '../../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { ApiError, callApi, pageError } from '../../lib/api.server.js';
import { everyValue } from '../../lib/every-value.js';
import { metaLocale, useI18n, useWords, wordsIn } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { customerWords } from '../../lib/messages/admin/customer.js';
import { refusalFor } from '../../lib/refusal.server.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, formOutOfDate, requireStaff } from '../../lib/staff.server.js';
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
/** What the last step did (the page words it), from the `done` it came back with. */
type Done = keyof (typeof customerWords)['en']['done'];
const doneSteps = Object.keys(customerWords.en.done) as Done[];

export const meta: Route.MetaFunction = ({ data, matches }) => {
  const locale = metaLocale(matches);
  const w = wordsIn(backOfficeWords, locale);
  return [{ title: w.title(data?.customer.displayName ?? wordsIn(customerWords, locale).customer) }];
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'customers:flag');
  const { customer } = await callApi(context, customerQuery, { id: params.id }, staff.accessToken).catch(pageError);
  if (!customer) throw data({ message: wordsIn(customerWords, await requestLocale(request, context)).notFound }, { status: 404 });
  // A customer's orders are orders' (orders:manage): staff without it see the customer and their flags only.
  const mayOrders = staff.scopes.includes('orders:manage');
  const orders = mayOrders
    ? ((await callApi(context, customerOrdersQuery, { id: params.id }, staff.accessToken).catch(pageError)).customer?.orders ?? [])
    : null;
  const done = new URL(request.url).searchParams.get('done');
  return { customer, orders, done: doneSteps.find((step) => step === done) ?? null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'customers:flag');
  const form = await request.formData();
  const intent = field(form, 'intent');
  const flag = field(form, 'flag') as CustomerFlagKind;
  const w = wordsIn(customerWords, await requestLocale(request, context));
  if (!flagKinds.includes(flag)) return { intent, flag, error: w.chooseFlag };
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
    return { intent, flag, error: await formOutOfDate(request, context) };
  } catch (err) {
    if (err instanceof ApiError) return { intent, flag, error: await refusalFor(request, context, err, { withProblems: true }) };
    throw err;
  }
}

export default function BackOfficeCustomer({ loaderData, actionData }: Route.ComponentProps) {
  const { customer, orders } = loaderData;
  const { t, money, day, dateTime } = useI18n();
  const w = useWords(customerWords);
  const frame = useWords(backOfficeWords);
  const submitting = useNavigation().state === 'submitting';
  const unset = flagKinds.filter((k) => !customer.flags.some((f) => f.flag === k));
  return (
    <>
      <p>
        <Link to="/admin/customers">{frame.sections.customers.title}</Link>
      </p>
      <h1>{customer.displayName}</h1>
      <DoneMessage message={actionData || !loaderData.done ? null : w.done[loaderData.done]} />
      <dl className="facts">
        <div>
          <dt>{w.email}</dt>
          <dd>
            {customer.email} ({w.verified(customer.emailVerified)})
          </dd>
        </div>
        <div>
          <dt>{w.region}</dt>
          <dd data-testid="customer-region">{customer.country}</dd>
        </div>
        <div>
          <dt>{w.account}</dt>
          <dd>
            {w.joined(day(customer.createdAt))} · {customer.roles.map((role) => w.roles[role] ?? role).join(', ')} · {w.id(customer.id)}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="flags">
        <h2 id="flags">{w.flagsTitle}</h2>
        {customer.flags.length === 0 ? (
          <p data-testid="flags">{w.noFlag}</p>
        ) : (
          <ul data-testid="flags" className="orders">
            {customer.flags.map((f) => (
              <li key={f.flag} className="order-card">
                <article aria-labelledby={`flag-${f.flag}`}>
                  <h3 id={`flag-${f.flag}`}>{w.flags[f.flag]}</h3>
                  <p>{w.flagSet(f.reason, dateTime(f.flaggedAt), f.flaggedBy)}</p>
                  <Form method="post" className="inline-form" aria-label={w.liftForm(f.flag)}>
                    <input type="hidden" name="intent" value="unflag" />
                    <input type="hidden" name="flag" value={f.flag} />
                    <div className="field">
                      <label htmlFor={`lift-${f.flag}`}>{w.whyLift}</label>
                      <input id={`lift-${f.flag}`} name="reason" maxLength={500} />
                    </div>
                    {actionData?.intent === 'unflag' && actionData.flag === f.flag && <ApiErrorMessage message={actionData.error} />}
                    <button type="submit" disabled={submitting}>
                      {w.lift}
                    </button>
                  </Form>
                </article>
              </li>
            ))}
          </ul>
        )}
        {unset.length > 0 && (
          <Form method="post" className="stacked admin-form" aria-label={w.setForm}>
            <h3>{w.setForm}</h3>
            <input type="hidden" name="intent" value="flag" />
            <div className="field">
              <label htmlFor="flag">{w.flag}</label>
              <select id="flag" name="flag" defaultValue={unset[0]}>
                {unset.map((k) => (
                  <option key={k} value={k}>
                    {w.flags[k]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="flag-reason">{w.why}</label>
              <input id="flag-reason" name="reason" maxLength={500} />
            </div>
            {actionData?.intent === 'flag' && <ApiErrorMessage message={actionData.error} />}
            <button type="submit" disabled={submitting}>
              {w.set}
            </button>
          </Form>
        )}
      </section>

      {orders && (
        <section aria-labelledby="orders">
          <h2 id="orders">{w.orders}</h2>
          {orders.length === 0 ? (
            <p>{w.noOrder}</p>
          ) : (
            <ul>
              {orders.map((o) => (
                <li key={o.id}>
                  <Link to={`/admin/orders/${o.id}`} aria-label={w.order(o.id)}>
                    {o.id.slice(0, 8)}
                  </Link>{' '}
                  · {dateTime(o.placedAt)} · {t.orderStatus[o.status] ?? o.status} · {money(o.total)}
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to={`/admin/orders?customer=${customer.id}`}>{w.everyOrder}</Link>
          </p>
        </section>
      )}
    </>
  );
}
