import { Form, Link, useNavigation } from 'react-router';
import { graphql } from '../../../__generated__/app/index.js';
import { ApiErrorMessage } from '../../components/api-error.js';
import { DoneMessage } from '../../components/done-message.js';
import { Pager, pageQuery } from '../../components/pager.js';
import { ApiError, callApi, messageWithProblems, pageError } from '../../lib/api.server.js';
import { formatDateTime } from '../../lib/format.js';
import { field } from '../../lib/sign-in.server.js';
import { backToPage, requireStaff } from '../../lib/staff.server.js';
import type { Route } from './+types/partners';
import { pageSizes } from '../../lib/page-sizes.js';

const partnersQuery = graphql(`
  query BackOfficePartners {
    partners {
      id
      name
      webhookUrl
      eventTypes
      enabled
      disabledReason
      previousSecretUntil
      createdAt
      removedAt
    }
  }
`);
const deliveriesQuery = graphql(`
  query BackOfficePartnerDeliveries($partnerId: ID!, $first: Int!, $after: String) {
    partnerDeliveriesConnection(partnerId: $partnerId, first: $first, after: $after) {
      edges {
        node {
          id
          eventId
          eventType
          subject
          status
          cancelledReason
          attemptCount
          replayOf
          createdAt
          deliveredAt
          attempts {
            attemptedAt
            statusCode
            error
            latencyMs
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const replayMutation = graphql(`
  mutation BackOfficeReplayPartnerEvents($partnerId: ID!, $since: DateTimeISO, $afterEventId: ID) {
    replayPartnerEvents(partnerId: $partnerId, since: $since, afterEventId: $afterEventId)
  }
`);
const enableMutation = graphql(`
  mutation BackOfficeEnablePartner($id: ID!) {
    enablePartnerEndpoint(id: $id) {
      enabled
    }
  }
`);

const deliveriesPerPage = pageSizes.BackOfficePartnerDeliveries;
const statusWords: Record<string, string> = { PENDING: 'Waiting to be sent', DELIVERED: 'Delivered', FAILED: 'Failed', CANCELLED: 'Not sent' };

export const meta: Route.MetaFunction = () => [{ title: 'Partners | Back office | Vitrine' }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const staff = await requireStaff(request, context, 'notifications:write');
  const params = new URL(request.url).searchParams;
  const { partners } = await callApi(context, partnersQuery, {}, staff.accessToken).catch(pageError);
  // Removed partners stay listed (as removed) so their delivery logs can be read; the first one still active is shown by default.
  const chosen = partners.find((p) => p.id === params.get('partner')) ?? partners.find((p) => !p.removedAt) ?? partners[0] ?? null;
  // The log by pages, newest first ("Older deliveries" follows notifications' cursor); a done notice is not carried over.
  const log = chosen
    ? (
        await callApi(context, deliveriesQuery, { partnerId: chosen.id, first: deliveriesPerPage, after: params.get('after') }, staff.accessToken).catch(
          pageError,
        )
      ).partnerDeliveriesConnection
    : null;
  const deliveries = log?.edges.map((e) => e.node) ?? [];
  const notices = ['done', 'replayed'];
  const nextQuery = log?.pageInfo.hasNextPage ? pageQuery(params, 'after', log.pageInfo.endCursor ?? null, notices) : null;
  const firstQuery = params.has('after') ? pageQuery(params, 'after', null, notices) : null;
  const replayed = params.get('replayed');
  const done =
    replayed !== null
      ? `${replayed} event${replayed === '1' ? '' : 's'} queued to be sent again.`
      : params.get('done') === 'enabled'
        ? 'The endpoint is enabled again.'
        : null;
  return { partners, chosen, deliveries, nextQuery, firstQuery, done };
}

export async function action({ request, context }: Route.ActionArgs) {
  const staff = await requireStaff(request, context, 'notifications:write');
  const form = await request.formData();
  const intent = field(form, 'intent');
  const partnerId = field(form, 'partnerId');
  try {
    if (intent === 'replay') {
      // The form's moment is typed in UTC (as the page shows times); an event id replays what came after it.
      const typed = field(form, 'since');
      const since = typed ? new Date(`${typed}:00Z`) : null;
      if (since && Number.isNaN(since.getTime())) return { intent, error: 'Give the moment as a date and time.' };
      const afterEventId = field(form, 'afterEventId') || null;
      const { replayPartnerEvents } = await callApi(
        context,
        replayMutation,
        { partnerId, since: since?.toISOString() ?? null, afterEventId },
        staff.accessToken,
      );
      const url = new URL(request.url);
      url.searchParams.set('partner', partnerId);
      url.searchParams.delete('done');
      url.searchParams.delete('after');
      url.searchParams.set('replayed', String(replayPartnerEvents));
      return backToPage(new Request(url), 'replayed');
    }
    if (intent === 'enable') {
      await callApi(context, enableMutation, { id: partnerId }, staff.accessToken);
      return backToPage(request, 'enabled');
    }
    return { intent, error: 'This form is out of date. Please reload the page.' };
  } catch (err) {
    if (err instanceof ApiError) return { intent, error: messageWithProblems(err) };
    throw err;
  }
}

export default function BackOfficePartners({ loaderData, actionData }: Route.ComponentProps) {
  const { partners, chosen, deliveries, nextQuery, firstQuery } = loaderData;
  const submitting = useNavigation().state === 'submitting';
  return (
    <>
      <h1>Partners</h1>
      <DoneMessage message={actionData ? null : loaderData.done} />
      <p>
        <Link to="/admin/partners/new">Register a partner</Link>
      </p>
      {partners.length === 0 && <p>No partner endpoint is registered.</p>}
      <ul className="orders">
        {partners.map((p) => (
          <li key={p.id} className="order-card">
            <article aria-labelledby={`partner-${p.id}`}>
              <h2 id={`partner-${p.id}`}>
                {p.name}{' '}
                {p.removedAt ? (
                  <span className="badge badge-late">Removed</span>
                ) : p.enabled ? (
                  <span className="badge">Enabled</span>
                ) : (
                  <span className="badge badge-late">Disabled</span>
                )}
              </h2>
              {p.removedAt ? (
                <p>
                  Removed on {formatDateTime(p.removedAt)}: nothing is sent to it. It sent to <code>{p.webhookUrl}</code> from {formatDateTime(p.createdAt)}.
                </p>
              ) : (
                <p>
                  Sends to <code>{p.webhookUrl}</code> since {formatDateTime(p.createdAt)}
                  {p.previousSecretUntil && <> · the previous secret signs until {formatDateTime(p.previousSecretUntil)}</>}
                </p>
              )}
              <p>Subscribed to: {p.eventTypes.join(', ')}</p>
              {!p.enabled && !p.removedAt && (
                <Form method="post">
                  <p>{p.disabledReason}</p>
                  <input type="hidden" name="intent" value="enable" />
                  <input type="hidden" name="partnerId" value={p.id} />
                  <button type="submit" disabled={submitting}>
                    Enable the endpoint again
                  </button>
                </Form>
              )}
              <p>
                <Link to={`/admin/partners/${p.id}`}>
                  {p.removedAt ? `Settings and API credentials of ${p.name}` : `Settings, signing secret and API credentials of ${p.name}`}
                </Link>
                {p.id !== chosen?.id && (
                  <>
                    {' · '}
                    <Link to={`?partner=${p.id}`}>Delivery log of {p.name}</Link>
                  </>
                )}
              </p>
            </article>
          </li>
        ))}
      </ul>
      {chosen && (
        <section aria-labelledby="deliveries">
          <h2 id="deliveries">Deliveries to {chosen.name}, newest first</h2>
          <table className="data-table" data-testid="deliveries">
            <caption className="visually-hidden">
              {firstQuery ? `Older deliveries with their tries, ${deliveriesPerPage} a page` : `The latest ${deliveriesPerPage} deliveries with their tries`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Tries</th>
                <th scope="col">Last try</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => {
                const lastTry = d.attempts.at(-1);
                return (
                  <tr key={d.id} data-delivery={d.id}>
                    <td>{formatDateTime(d.createdAt)}</td>
                    <td>
                      {d.eventType} <span className="muted">({d.subject.slice(0, 8)})</span>
                      {d.replayOf && <span className="badge">Replay</span>}
                    </td>
                    <td>
                      {statusWords[d.status] ?? d.status}
                      {d.deliveredAt && <> {formatDateTime(d.deliveredAt)}</>}
                      {d.cancelledReason && <> ({d.cancelledReason})</>}
                    </td>
                    <td>{d.attemptCount}</td>
                    <td>
                      {lastTry
                        ? `${formatDateTime(lastTry.attemptedAt)}: ${lastTry.statusCode ? `answered ${lastTry.statusCode}` : 'no answer'}${lastTry.error ? ` (${lastTry.error})` : ''}, ${lastTry.latencyMs} ms`
                        : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {deliveries.length === 0 && <p>Nothing was sent to {chosen.name} yet.</p>}
          <Pager first={firstQuery} firstLabel="Newest deliveries" next={nextQuery} nextLabel="Older deliveries" />
          {chosen.removedAt ? (
            <p>{chosen.name} was removed: nothing can be sent to it again.</p>
          ) : (
            <Form method="post" className="inline-form" aria-label={`Send events again to ${chosen.name}`}>
              <input type="hidden" name="intent" value="replay" />
              <input type="hidden" name="partnerId" value={chosen.id} />
              <div className="field">
                <label htmlFor="since">Since (UTC)</label>
                <input id="since" name="since" type="datetime-local" />
              </div>
              <div className="field">
                <label htmlFor="afterEventId">or after the event</label>
                <select id="afterEventId" name="afterEventId" defaultValue="">
                  <option value="">—</option>
                  {deliveries
                    .filter((d) => !d.replayOf)
                    .map((d) => (
                      <option key={d.id} value={d.eventId}>
                        {d.eventType} at {formatDateTime(d.createdAt)}
                      </option>
                    ))}
                </select>
              </div>
              <button type="submit" disabled={submitting}>
                Send again
              </button>
            </Form>
          )}
          {actionData?.intent === 'replay' && <ApiErrorMessage message={actionData.error} />}
        </section>
      )}
    </>
  );
}
