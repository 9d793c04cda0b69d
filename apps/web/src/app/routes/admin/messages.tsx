import { Form, Link, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import type { NotificationKind, NotificationStatus } from '../../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { CustomerChoice, CustomerEmailField, type CustomerMatch } from '../../components/customer-choice.js';
import { DoneMessage } from '../../components/done-message.js';
import { Pager, pageQuery } from '../../components/pager.js';
import { SelectFilter } from '../../components/select-filter.js';
import { ApiError, callApi, messageWithProblems } from '../../lib/api.server.js';
import { customerFromEmail } from '../../lib/customer-choice.server.js';
import { everyValue } from '../../lib/every-value.js';
import { formatDateTime } from '../../lib/format.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/messages';
import { pageSizes } from '../../lib/page-sizes.js';

const messagesQuery = graphql(`
  query BackOfficeNotificationMessages($first: Int!, $after: String, $filter: NotificationMessageFilter) {
    notificationMessagesConnection(first: $first, after: $after, filter: $filter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          status
          subject
          recipient
          language
          orderId
          customerId
          createdAt
          sentAt
          attempts
          lastError
          nextAttemptAt
          deliveryLog {
            attemptedAt
            outcome
            detail
          }
        }
      }
    }
  }
`);
const retryMutation = graphql(`
  mutation BackOfficeRetryNotificationMessage($id: ID!) {
    retryNotificationMessage(id: $id) {
      status
    }
  }
`);

const statuses = everyValue<NotificationStatus>()(['PENDING', 'SENT', 'FAILED', 'CANCELLED']);
const statusWords: Record<NotificationStatus, string> = { PENDING: 'Waiting to be sent', SENT: 'Sent', FAILED: 'Failed', CANCELLED: 'Cancelled' };
const kinds = everyValue<NotificationKind>()([
  'WELCOME',
  'ORDER_CONFIRMED',
  'PAYMENT_DUE',
  'CARD_CHARGE_SCHEDULED',
  'PAYMENT_FAILED',
  'ORDER_CANCELLED',
  'ORDER_EXPIRED',
  'CANCELLATION_OFFERED',
  'ORDER_SHIPPED',
  'ORDER_DELIVERED',
  'RELEASE_DATE_CHANGED',
  'SPEC_CHANGED',
  'PRODUCT_ARRIVED',
  'REFUND_ISSUED',
  'SHIPPING_QUOTED',
  'SHIPMENT_DISPATCHED',
  'EXTRA_SHIPPING_WAIVED',
  'CLAIM_SUBMITTED',
  'CLAIM_DECIDED',
  'CLAIM_OFFERED',
  'CLAIM_EVIDENCE_REQUESTED',
  'CLAIM_REFUSED',
  'CLAIM_RESOLVED',
  'RETURN_RECEIVED',
  'RETURN_REQUESTED',
  'PASSWORD_RESET_REQUESTED',
  'EMAIL_VERIFICATION_REQUESTED',
  'EMAIL_CHANGE_REQUESTED',
  'PASSWORD_CHANGED',
  'SIGN_UP_REPEATED',
]);
/** ORDER_CONFIRMED as "Order confirmed": the kinds are already plain English in capitals. */
const kindText = (kind: string) => kind.charAt(0) + kind.slice(1).toLowerCase().replaceAll('_', ' ');
const pageSize = pageSizes.BackOfficeNotificationMessages;

export const meta: Route.MetaFunction = () => [{ title: 'Messages | Back office | Vitrine' }];

/** The emails the store sent (or is sending), newest first by pages of 25, by state, kind or customer (found by email, needs customers:read). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'notifications:write');
  const params = new URL(request.url).searchParams;
  const status = statuses.find((s) => s === params.get('status')) ?? null;
  const kind = kinds.find((k) => k === params.get('kind')) ?? null;
  const email = (params.get('email') ?? '').trim();
  const form = { status, kind, email };
  const done = params.get('done') === 'retried' ? 'The message is queued to be sent again, with a fresh round of tries.' : null;
  let customers: CustomerMatch[] = [];
  try {
    const who = await customerFromEmail(context, staff.accessToken, params);
    customers = who.customers;
    if (who.kind === 'choose') return { form, done, error: who.error, customers, messages: null };
    const { customerId } = who;
    const filter = { ...(status ? { status } : {}), ...(kind ? { kind } : {}), ...(customerId ? { customerId } : {}) };
    const { notificationMessagesConnection: found } = await callApi(
      context,
      messagesQuery,
      { first: pageSize, after: params.get('after'), filter },
      staff.accessToken,
    );
    // Older ones follow notifications' cursor with the same filters; a done notice is not carried over.
    const pages = {
      next: found.pageInfo.hasNextPage ? pageQuery(params, 'after', found.pageInfo.endCursor ?? null, ['done']) : null,
      first: params.has('after') ? pageQuery(params, 'after', null, ['done']) : null,
    };
    return { form, done, error: null, customers, messages: found.edges.map((e) => e.node), pages };
  } catch (err) {
    if (err instanceof ApiError) return { form, done, error: err.message, customers, messages: null };
    throw err;
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'notifications:write');
  const form = await request.formData();
  const id = field(form, 'messageId');
  try {
    await callApi(context, retryMutation, { id }, staff.accessToken);
  } catch (err) {
    if (err instanceof ApiError) return { id, error: messageWithProblems(err) };
    throw err;
  }
  return backToPage(request, 'retried');
}

export default function BackOfficeMessages({ loaderData, actionData }: Route.ComponentProps) {
  const { form, error, customers, messages } = loaderData;
  const pages = 'pages' in loaderData ? loaderData.pages : null;
  const submitting = useNavigation().state === 'submitting';
  return (
    <>
      <h1>Messages</h1>
      <DoneMessage message={actionData ? null : loaderData.done} />
      <ApiErrorMessage message={actionData?.error} />
      <Form method="get" className="filters" role="search" aria-label="Find messages">
        <SelectFilter label="State" name="status" any="Any state" values={statuses} text={(s) => statusWords[s]} selected={form.status} />
        <SelectFilter label="Kind" name="kind" any="Any kind" values={kinds} text={kindText} selected={form.kind} />
        <CustomerEmailField defaultValue={form.email} />
        <button type="submit">Find messages</button>
      </Form>
      <ApiErrorMessage message={error} />
      <CustomerChoice customers={customers} email={form.email} whose="messages" />
      {messages && (
        <section aria-labelledby="found">
          <h2 id="found">
            {messages.length === 0
              ? 'No message matches.'
              : pages?.first
                ? `${messages.length} older messages, newest first`
                : `The newest ${messages.length}, newest first`}
          </h2>
          {messages.length > 0 && (
            <table className="data-table" data-testid="messages">
              <caption className="visually-hidden">Messages found, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Created</th>
                  <th scope="col">Kind</th>
                  <th scope="col">State</th>
                  <th scope="col">To</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Tries</th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => {
                  const lastTry = m.deliveryLog.at(-1);
                  return (
                    <tr key={m.id} data-message={m.id}>
                      <td>{formatDateTime(m.createdAt)}</td>
                      <td>
                        {kindText(m.kind)}
                        {m.orderId && (
                          <>
                            {' '}
                            (
                            <Link to={`/admin/orders/${m.orderId}`} aria-label={`Order ${m.orderId}`}>
                              order {m.orderId.slice(0, 8)}
                            </Link>
                            )
                          </>
                        )}
                      </td>
                      <td>
                        {statusWords[m.status]}
                        {m.sentAt && <> {formatDateTime(m.sentAt)}</>}
                        {m.status === 'PENDING' && m.nextAttemptAt && <> (next try {formatDateTime(m.nextAttemptAt)})</>}
                        {m.status === 'FAILED' && (
                          <Form method="post" aria-label={`Send the ${kindText(m.kind).toLowerCase()} message again`}>
                            <input type="hidden" name="messageId" value={m.id} />
                            <button type="submit" disabled={submitting}>
                              Send again
                            </button>
                          </Form>
                        )}
                      </td>
                      <td>
                        {m.recipient ?? <span className="muted">customer {m.customerId.slice(0, 8)}</span>}
                        {m.language && <span className="muted"> ({m.language})</span>}
                      </td>
                      <td>{m.subject ?? <span className="muted">written when sent</span>}</td>
                      <td>
                        {m.attempts}
                        {lastTry && (
                          <span className="muted">
                            {' '}
                            · last {formatDateTime(lastTry.attemptedAt)}: {lastTry.outcome === 'SENT' ? 'sent' : 'failed'} ({m.lastError ?? lastTry.detail})
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {pages && <Pager first={pages.first} firstLabel="Newest messages" next={pages.next} nextLabel="Older messages" />}
        </section>
      )}
    </>
  );
}
