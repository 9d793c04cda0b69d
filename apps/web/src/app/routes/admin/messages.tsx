import { Form, Link, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import type { NotificationKind, NotificationStatus } from '../../../__generated__/app/graphql.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { CustomerChoice, CustomerEmailField, type CustomerMatch } from '../../components/customer-choice.js';
import { DoneMessage } from '../../components/done-message.js';
import { Pager, pageQuery } from '../../components/pager.js';
import { SelectFilter } from '../../components/select-filter.js';
import { ApiError, callApi } from '../../lib/api.server.js';
import { sectionMeta } from '../../lib/back-office-meta.js';
import { customerFromEmail } from '../../lib/customer-choice.server.js';
import { everyValue } from '../../lib/every-value.js';
import { useI18n, useWords } from '../../lib/i18n.js';
import { requestLocale } from '../../lib/locale.server.js';
import { backOfficeWords } from '../../lib/messages/admin/back-office.js';
import { messagesWords } from '../../lib/messages/admin/messages.js';
import { refusalFor } from '../../lib/refusal.server.js';
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
const pageSize = pageSizes.BackOfficeNotificationMessages;

export const meta: Route.MetaFunction = (args) => sectionMeta(args, 'messages');

/** The emails the store sent (or is sending), newest first by pages of 25, by state, kind or customer (found by email, needs customers:read). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'notifications:write');
  const params = new URL(request.url).searchParams;
  const status = statuses.find((s) => s === params.get('status')) ?? null;
  const kind = kinds.find((k) => k === params.get('kind')) ?? null;
  const email = (params.get('email') ?? '').trim();
  const form = { status, kind, email };
  const retried = params.get('done') === 'retried';
  let customers: CustomerMatch[] = [];
  try {
    const who = await customerFromEmail(context, staff.accessToken, params, await requestLocale(request, context));
    customers = who.customers;
    if (who.kind === 'choose') return { form, retried, error: who.error, customers, messages: null };
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
    return { form, retried, error: null, customers, messages: found.edges.map((e) => e.node), pages };
  } catch (err) {
    if (err instanceof ApiError) return { form, retried, error: await refusalFor(request, context, err), customers, messages: null };
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
    if (err instanceof ApiError) return { id, error: await refusalFor(request, context, err, { withProblems: true }) };
    throw err;
  }
  return backToPage(request, 'retried');
}

export default function BackOfficeMessages({ loaderData, actionData }: Route.ComponentProps) {
  const { form, error, customers, messages } = loaderData;
  const pages = 'pages' in loaderData ? loaderData.pages : null;
  const submitting = useNavigation().state === 'submitting';
  const { dateTime } = useI18n();
  const w = useWords(messagesWords);
  const frame = useWords(backOfficeWords);
  const statusText = (status: NotificationStatus) => w.status[status] ?? status;
  const kindText = (kind: NotificationKind) => w.kinds[kind] ?? kind;
  return (
    <>
      <h1>{frame.sections.messages.title}</h1>
      <DoneMessage message={actionData || !loaderData.retried ? null : w.retried} />
      <ApiErrorMessage message={actionData?.error} />
      <Form method="get" className="filters" role="search" aria-label={w.find}>
        <SelectFilter label={w.state} name="status" any={w.anyState} values={statuses} text={statusText} selected={form.status} />
        <SelectFilter label={w.kind} name="kind" any={w.anyKind} values={kinds} text={kindText} selected={form.kind} />
        <CustomerEmailField defaultValue={form.email} />
        <button type="submit">{w.find}</button>
      </Form>
      <ApiErrorMessage message={error} />
      <CustomerChoice customers={customers} email={form.email} whose={w.whose} />
      {messages && (
        <section aria-labelledby="found">
          <h2 id="found">{messages.length === 0 ? w.noneMatch : pages?.first ? w.older(messages.length) : w.newest(messages.length)}</h2>
          {messages.length > 0 && (
            <table className="data-table" data-testid="messages">
              <caption className="visually-hidden">{w.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{w.created}</th>
                  <th scope="col">{w.kind}</th>
                  <th scope="col">{w.state}</th>
                  <th scope="col">{w.to}</th>
                  <th scope="col">{w.subject}</th>
                  <th scope="col">{w.tries}</th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => {
                  const lastTry = m.deliveryLog.at(-1);
                  return (
                    <tr key={m.id} data-message={m.id}>
                      <td>{dateTime(m.createdAt)}</td>
                      <td>
                        {kindText(m.kind)}
                        {m.orderId && (
                          <>
                            {' '}
                            (
                            <Link to={`/admin/orders/${m.orderId}`} aria-label={w.orderLabel(m.orderId)}>
                              {w.order(m.orderId.slice(0, 8))}
                            </Link>
                            )
                          </>
                        )}
                      </td>
                      <td>
                        {statusText(m.status)}
                        {m.sentAt && <> {dateTime(m.sentAt)}</>}
                        {m.status === 'PENDING' && m.nextAttemptAt && w.nextTry(dateTime(m.nextAttemptAt))}
                        {m.status === 'FAILED' && (
                          <Form method="post" aria-label={w.sendAgainLabel(kindText(m.kind))}>
                            <input type="hidden" name="messageId" value={m.id} />
                            <button type="submit" disabled={submitting}>
                              {w.sendAgain}
                            </button>
                          </Form>
                        )}
                      </td>
                      <td>
                        {m.recipient ?? <span className="muted">{w.customer(m.customerId.slice(0, 8))}</span>}
                        {m.language && <span className="muted"> ({m.language})</span>}
                      </td>
                      <td>{m.subject ?? <span className="muted">{w.writtenWhenSent}</span>}</td>
                      <td>
                        {m.attempts}
                        {lastTry && (
                          <span className="muted">{w.lastTry(dateTime(lastTry.attemptedAt), lastTry.outcome === 'SENT', m.lastError ?? lastTry.detail)}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {pages && <Pager first={pages.first} firstLabel={w.newestPage} next={pages.next} nextLabel={w.olderPage} />}
        </section>
      )}
    </>
  );
}
